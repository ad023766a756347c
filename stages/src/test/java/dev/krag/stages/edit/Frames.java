package dev.krag.stages.edit;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/** Frames read back from an encoded film, for tests that look at the picture. */
final class Frames {

  private Frames() {}

  /** The luma plane of the frame shown at {@code seconds}. */
  static byte[] luma(Path video, double seconds) throws Exception {
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile())) {
      grabber.setPixelFormat(avutil.AV_PIX_FMT_GRAY8);
      grabber.start();
      grabber.setVideoTimestamp(Math.round(seconds * 1_000_000));
      Frame frame = grabber.grabImage();
      ByteBuffer plane = (ByteBuffer) frame.image[0];
      byte[] out = new byte[frame.imageWidth * frame.imageHeight];
      for (int row = 0; row < frame.imageHeight; row++) {
        plane.position(row * frame.imageStride);
        plane.get(out, row * frame.imageWidth, frame.imageWidth);
      }
      return out;
    }
  }

  /** Mean absolute difference of luma between the frames at two times, 0..255. */
  static double meanDifference(Path video, double a, double b) throws Exception {
    byte[] x = luma(video, a);
    byte[] y = luma(video, b);
    long sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += Math.abs((x[i] & 0xff) - (y[i] & 0xff));
    }
    return sum / (double) x.length;
  }
}
