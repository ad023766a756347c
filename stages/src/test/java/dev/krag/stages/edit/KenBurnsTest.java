package dev.krag.stages.edit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.krag.schemas.Rect;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KenBurnsTest {

  private static final int WIDTH = 320;
  private static final int HEIGHT = 180;
  /** Weights in 256ths: up to half a level off in each of the two passes, and half a level in the rounding to a byte. */
  private static final double TOLERANCE = 1.5;

  @Test
  void theWholeWindowIsTheStillItself() {
    Yuv420 still = noise(WIDTH, HEIGHT, 1);
    Yuv420 out = Yuv420.blank(WIDTH, HEIGHT);

    new KenBurns().render(still, rect(0, 0, 1), rect(0, 0, 1), 0, out);

    assertArrayEquals(still.data(), out.data());
  }

  @Test
  void everySampleIsWithinALevelAndAHalfOfABilinearFilterInDoublesAlongAPanAndZoom() {
    Yuv420 still = noise(WIDTH, HEIGHT, 2);
    Rect start = rect(0, 0, 1);
    Rect end = rect(0.137, 0.071, 0.73);
    KenBurns camera = new KenBurns();
    Yuv420 out = Yuv420.blank(WIDTH, HEIGHT);
    for (double t = 0; t <= 1; t += 0.125) {
      camera.render(still, start, end, t, out);
      double x = start.getX() + (end.getX() - start.getX()) * t;
      double y = start.getY() + (end.getY() - start.getY()) * t;
      double size = start.getWidth() + (end.getWidth() - start.getWidth()) * t;
      assertPlaneNear(still, out, 0, WIDTH, HEIGHT, x, y, size, t);
      assertPlaneNear(still, out, still.uOffset(), still.chromaWidth(), still.chromaHeight(), x, y, size, t);
      assertPlaneNear(still, out, still.vOffset(), still.chromaWidth(), still.chromaHeight(), x, y, size, t);
    }
  }

  private static void assertPlaneNear(Yuv420 still, Yuv420 out, int offset, int width, int height, double x, double y,
      double size, double t) {
    for (int r = 0; r < height; r++) {
      for (int c = 0; c < width; c++) {
        double sx = Math.clamp(x * width + (c + 0.5) * size - 0.5, 0, width - 1.0001);
        double sy = Math.clamp(y * height + (r + 0.5) * size - 0.5, 0, height - 1.0001);
        double expected = bilinear(still.data(), offset, width, sx, sy);
        int actual = out.data()[offset + r * width + c] & 0xff;
        assertTrue(Math.abs(actual - expected) <= TOLERANCE,
            "t " + t + ", plane at " + offset + ", row " + r + ", column " + c + ": " + actual + " against " + expected);
      }
    }
  }

  private static double bilinear(byte[] plane, int offset, int width, double x, double y) {
    int left = (int) x;
    int top = (int) y;
    double fx = x - left;
    double fy = y - top;
    double upper = sample(plane, offset, width, left, top) * (1 - fx) + sample(plane, offset, width, left + 1, top) * fx;
    double lower = sample(plane, offset, width, left, top + 1) * (1 - fx) + sample(plane, offset, width, left + 1, top + 1) * fx;
    return upper * (1 - fy) + lower * fy;
  }

  private static int sample(byte[] plane, int offset, int width, int x, int y) {
    return plane[offset + y * width + x] & 0xff;
  }

  private static Yuv420 noise(int width, int height, long seed) {
    Yuv420 still = Yuv420.blank(width, height);
    new Random(seed).nextBytes(still.data());
    return still;
  }

  private static Rect rect(double x, double y, double size) {
    return Rect.newBuilder().setX(x).setY(y).setWidth(size).setHeight(size).build();
  }
}
