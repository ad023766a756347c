package dev.krag.stages.edit;

import java.awt.image.BufferedImage;

/**
 * A picture as the encoder takes it: planar Y, U and V with chroma at half size each way (I420),
 * BT.709 limited range as HD players expect. Frames are composed in this form so that no frame is
 * converted from RGB more than once per still.
 */
record Yuv420(int width, int height, byte[] data) {

  Yuv420 {
    if (width % 2 != 0 || height % 2 != 0 || data.length != width * height * 3 / 2) {
      throw new IllegalArgumentException("I420 needs even sides and " + width * height * 3 / 2 + " bytes");
    }
  }

  static Yuv420 blank(int width, int height) {
    return new Yuv420(width, height, new byte[width * height * 3 / 2]);
  }

  int chromaWidth() {
    return width / 2;
  }

  int chromaHeight() {
    return height / 2;
  }

  int uOffset() {
    return width * height;
  }

  int vOffset() {
    return uOffset() + chromaWidth() * chromaHeight();
  }

  static Yuv420 of(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    Yuv420 out = blank(w, h);
    int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
    byte[] d = out.data;
    for (int i = 0; i < rgb.length; i++) {
      d[i] = (byte) luma(rgb[i]);
    }
    int cw = out.chromaWidth();
    for (int y = 0; y < out.chromaHeight(); y++) {
      for (int x = 0; x < cw; x++) {
        int i = 2 * y * w + 2 * x;
        int r = 0;
        int g = 0;
        int b = 0;
        for (int p : new int[] {rgb[i], rgb[i + 1], rgb[i + w], rgb[i + w + 1]}) {
          r += (p >> 16) & 0xff;
          g += (p >> 8) & 0xff;
          b += p & 0xff;
        }
        d[out.uOffset() + y * cw + x] = (byte) clamp(128 + (-0.1146 * r - 0.3854 * g + 0.5 * b) / 4 * 224 / 255);
        d[out.vOffset() + y * cw + x] = (byte) clamp(128 + (0.5 * r - 0.4542 * g - 0.0458 * b) / 4 * 224 / 255);
      }
    }
    return out;
  }

  static int luma(int rgb) {
    int r = (rgb >> 16) & 0xff;
    int g = (rgb >> 8) & 0xff;
    int b = rgb & 0xff;
    return clamp(16 + (0.2126 * r + 0.7152 * g + 0.0722 * b) * 219 / 255);
  }

  private static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }
}
