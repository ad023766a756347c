package dev.krag.stages.edit;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * A caption burned into frames: drawn once with Java2D onto a transparent layer, turned into
 * luma and chroma with their coverage, and blended into each frame over the band it covers only,
 * so a caption costs a fraction of a millisecond a frame and stays still while the picture moves.
 */
final class CaptionOverlay {

  private final int top;
  private final int width;
  private final Layer luma;
  private final Layer u;
  private final Layer v;

  /**
   * One plane of the caption, premultiplied so that blending is a multiply and an add a sample:
   * {@code keep} is how much of the frame shows through (255 − alpha), {@code over} the caption's
   * colour times its alpha, plus the 127 that rounds the division by 255.
   */
  private record Layer(byte[] keep, short[] over) {

    static Layer of(byte[] colour, byte[] alpha) {
      byte[] keep = new byte[colour.length];
      short[] over = new short[colour.length];
      for (int i = 0; i < colour.length; i++) {
        int a = alpha[i] & 0xff;
        keep[i] = (byte) (255 - a);
        over[i] = (short) ((colour[i] & 0xff) * a + 127);
      }
      return new Layer(keep, over);
    }
  }

  private CaptionOverlay(int top, int width, Layer luma, Layer u, Layer v) {
    this.top = top;
    this.width = width;
    this.luma = luma;
    this.u = u;
    this.v = v;
  }

  static CaptionOverlay of(String text, int width, int height) {
    BufferedImage layer = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = layer.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      Caption.paint(g, width, height, text);
    } finally {
      g.dispose();
    }
    int[] argb = layer.getRGB(0, 0, width, height, null, 0, width);
    int first = height;
    for (int i = 0; i < argb.length; i++) {
      if ((argb[i] >>> 24) != 0) {
        first = i / width;
        break;
      }
    }
    int top = Math.min(first, height) & ~1;
    int rows = height - top;
    byte[] luma = new byte[rows * width];
    byte[] lumaAlpha = new byte[rows * width];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < width; c++) {
        int p = argb[(top + r) * width + c];
        luma[r * width + c] = (byte) Yuv420.luma(p);
        lumaAlpha[r * width + c] = (byte) (p >>> 24);
      }
    }
    int cw = width / 2;
    byte[] u = new byte[rows / 2 * cw];
    byte[] v = new byte[rows / 2 * cw];
    byte[] chromaAlpha = new byte[rows / 2 * cw];
    for (int r = 0; r < rows / 2; r++) {
      for (int c = 0; c < cw; c++) {
        double a = 0;
        double cb = 0;
        double cr = 0;
        for (int dy = 0; dy < 2; dy++) {
          for (int dx = 0; dx < 2; dx++) {
            int p = argb[(top + 2 * r + dy) * width + 2 * c + dx];
            double alpha = (p >>> 24) / 255.0;
            int red = (p >> 16) & 0xff;
            int green = (p >> 8) & 0xff;
            int blue = p & 0xff;
            a += alpha;
            cb += alpha * (128 + (-0.1146 * red - 0.3854 * green + 0.5 * blue) * 224 / 255);
            cr += alpha * (128 + (0.5 * red - 0.4542 * green - 0.0458 * blue) * 224 / 255);
          }
        }
        int i = r * cw + c;
        chromaAlpha[i] = (byte) Math.round(a / 4 * 255);
        u[i] = (byte) (a == 0 ? 128 : Math.round(cb / a));
        v[i] = (byte) (a == 0 ? 128 : Math.round(cr / a));
      }
    }
    return new CaptionOverlay(top, width, Layer.of(luma, lumaAlpha), Layer.of(u, chromaAlpha), Layer.of(v, chromaAlpha));
  }

  void drawOn(Yuv420 frame) {
    byte[] d = frame.data();
    blend(d, top * width, luma);
    int cw = width / 2;
    blend(d, frame.uOffset() + top / 2 * cw, u);
    blend(d, frame.vOffset() + top / 2 * cw, v);
  }

  /** The frame's samples under the layer blended with it; uncovered samples come out as they were. */
  private static void blend(byte[] frame, int offset, Layer layer) {
    byte[] keep = layer.keep();
    short[] over = layer.over();
    for (int i = 0; i < keep.length; i++) {
      frame[offset + i] = (byte) mix(frame[offset + i] & 0xff, keep[i] & 0xff, over[i] & 0xffff);
    }
  }

  /**
   * {@code (base × keep + over) / 255}: with {@code keep} = 255 − alpha and {@code over} = colour ×
   * alpha + 127, the rounded blend. The division is {@code (x + 1 + (x >> 8)) >> 8}, equal to it for
   * every sum a blend can make and free of a division or a branch: a caption's band is blended on
   * every frame of the film.
   */
  static int mix(int base, int keep, int over) {
    int x = base * keep + over;
    return (x + 1 + (x >> 8)) >> 8;
  }
}
