package dev.krag.stages.edit;

import dev.krag.stages.music.Loudness;
import java.io.IOException;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/** The whole sound track of a media file, decoded to 48 kHz mono 16-bit, as the loudness meter takes it. */
public final class DecodedSound {

  private DecodedSound() {}

  public static short[] of(Path file) throws IOException {
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
      grabber.setSampleFormat(avutil.AV_SAMPLE_FMT_S16);
      grabber.setSampleRate(Loudness.SAMPLE_RATE);
      grabber.setAudioChannels(1);
      grabber.start();
      short[] all = new short[1 << 16];
      int size = 0;
      Frame frame;
      while ((frame = grabber.grabSamples()) != null) {
        ShortBuffer samples = (ShortBuffer) frame.samples[0];
        int n = samples.remaining();
        if (size + n > all.length) {
          all = Arrays.copyOf(all, Math.max(all.length * 2, size + n));
        }
        samples.get(all, size, n);
        size += n;
      }
      grabber.stop();
      return Arrays.copyOf(all, size);
    }
  }
}
