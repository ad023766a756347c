package dev.krag.stages.music;

import java.io.IOException;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;

/** Sound as krag stores it, a shot's music and a film's sound alike: AAC in MP4, 48 kHz mono at 128 kb/s. */
public final class AacFile {

  public static final int SAMPLE_RATE = 48_000;

  private AacFile() {}

  /** The samples, 48 kHz mono, encoded as they are into {@code file}. */
  public static void write(short[] samples, Path file) throws IOException {
    try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 1)) {
      recorder.setFormat("mp4");
      settings(recorder);
      recorder.start();
      for (int at = 0; at < samples.length; at += SAMPLE_RATE) {
        recorder.recordSamples(SAMPLE_RATE, 1, ShortBuffer.wrap(samples, at, Math.min(SAMPLE_RATE, samples.length - at)));
      }
      recorder.stop();
    }
  }

  /** The AAC settings on a recorder that writes sound, alone or beside a picture. */
  public static void settings(FFmpegFrameRecorder recorder) {
    recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
    recorder.setSampleRate(SAMPLE_RATE);
    recorder.setAudioChannels(1);
    recorder.setAudioBitrate(128_000);
  }
}
