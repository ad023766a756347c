package dev.krag.stages.edit;

import dev.krag.schemas.Rect;

/**
 * Renders one frame of a still's slow pan and zoom: a window of the source (fractions of its size,
 * at sub-pixel precision) scaled to the whole frame with bilinear filtering, plane by plane. The
 * filter is in fixed point with per-column weights computed once per plane and frame, about 2 ms
 * for a 1280×720 frame here; Java2D's general bilinear transform takes about 10 ms, too slow for
 * every frame of a long film.
 */
final class KenBurns {

  private static final int ONE = 1 << 8;

  private int[] columnOffset = new int[0];
  private int[] columnWeight = new int[0];
  private int[] upper = new int[0];
  private int[] lower = new int[0];
  private int[] blended = new int[0];

  /** The window between {@code start} and {@code end} at {@code t} (0..1), drawn into {@code out}. */
  void render(Yuv420 source, Rect start, Rect end, double t, Yuv420 out) {
    double x = start.getX() + (end.getX() - start.getX()) * t;
    double y = start.getY() + (end.getY() - start.getY()) * t;
    double w = start.getWidth() + (end.getWidth() - start.getWidth()) * t;
    double h = start.getHeight() + (end.getHeight() - start.getHeight()) * t;
    plane(source.data(), 0, source.width(), source.height(), x, y, w, h, out.data(), 0, out.width(), out.height());
    plane(source.data(), source.uOffset(), source.chromaWidth(), source.chromaHeight(), x, y, w, h,
        out.data(), out.uOffset(), out.chromaWidth(), out.chromaHeight());
    plane(source.data(), source.vOffset(), source.chromaWidth(), source.chromaHeight(), x, y, w, h,
        out.data(), out.vOffset(), out.chromaWidth(), out.chromaHeight());
  }

  private void plane(byte[] src, int srcOffset, int srcWidth, int srcHeight, double fx, double fy, double fw, double fh,
      byte[] dst, int dstOffset, int width, int height) {
    if (columnOffset.length < width) {
      columnOffset = new int[width];
      columnWeight = new int[width];
      upper = new int[width];
      lower = new int[width];
      blended = new int[width];
    }
    double sx = fw * srcWidth / width;
    double sy = fh * srcHeight / height;
    double x0 = fx * srcWidth;
    double y0 = fy * srcHeight;
    for (int c = 0; c < width; c++) {
      double at = Math.clamp(x0 + (c + 0.5) * sx - 0.5, 0, srcWidth - 1.0001);
      int left = (int) at;
      columnOffset[c] = left;
      columnWeight[c] = (int) Math.round((at - left) * ONE);
    }
    int upperRow = -1;
    int lowerRow = -1;
    int o = dstOffset;
    for (int r = 0; r < height; r++) {
      double at = Math.clamp(y0 + (r + 0.5) * sy - 0.5, 0, srcHeight - 1.0001);
      int top = (int) at;
      int wy1 = (int) Math.round((at - top) * ONE);
      int wy0 = ONE - wy1;
      // Consecutive output rows mostly read the same two source rows: each is filtered across once.
      if (top != upperRow) {
        if (top == lowerRow) {
          int[] swap = upper;
          upper = lower;
          lower = swap;
        } else {
          across(src, srcOffset + top * srcWidth, upper, width);
        }
        across(src, srcOffset + (top + 1) * srcWidth, lower, width);
        upperRow = top;
        lowerRow = top + 1;
      }
      // Blended in ints, then narrowed to bytes in a loop of its own: C2 vectorises each loop alone,
      // but not one that does both (this step takes a third of the time it did).
      for (int c = 0; c < width; c++) {
        blended[c] = (upper[c] * wy0 + lower[c] * wy1 + (1 << 15)) >> 16;
      }
      for (int c = 0; c < width; c++) {
        dst[o + c] = (byte) blended[c];
      }
      o += width;
    }
  }

  /** One source row filtered across to the frame's width, in fixed point (×256). */
  private void across(byte[] src, int row, int[] out, int width) {
    for (int c = 0; c < width; c++) {
      int i = row + columnOffset[c];
      int wx1 = columnWeight[c];
      out[c] = (src[i] & 0xff) * (ONE - wx1) + (src[i + 1] & 0xff) * wx1;
    }
  }
}
