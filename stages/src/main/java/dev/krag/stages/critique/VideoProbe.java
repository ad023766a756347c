package dev.krag.stages.critique;

import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/** What a video file holds, read back from the file itself. */
public final class VideoProbe {

  /** The measured facts of one video. */
  public record Facts(String videoCodec, String audioCodec, double durationSeconds, int width, int height, int sampleRate) {}

  public Facts probe(Path video) throws IOException {
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile())) {
      grabber.start();
      Facts facts = new Facts(
          grabber.getVideoCodecName(),
          grabber.getAudioCodecName(),
          grabber.getLengthInTime() / 1e6,
          grabber.getImageWidth(),
          grabber.getImageHeight(),
          grabber.getSampleRate());
      grabber.stop();
      return facts;
    }
  }
}
