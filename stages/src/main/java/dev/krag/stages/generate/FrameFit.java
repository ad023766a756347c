package dev.krag.stages.generate;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * A picture made a frame: scaled to cover it and cut evenly from both sides of the longer way, as
 * CSS's {@code object-fit: cover} does, so nothing is stretched and no border is left.
 */
final class FrameFit {

  private FrameFit() {}

  /** A frame of this size in TYPE_3BYTE_BGR, as the encoder takes it. */
  static BufferedImage cover(BufferedImage picture, int width, int height) {
    BufferedImage source = picture;
    // Bilinear scaling reads only the four nearest pixels: shrinking by more than half in one step
    // would skip pixels and alias, so the picture is halved (each pixel the mean of four) first.
    while (scale(source, width, height) < 0.5) {
      source = scaled(source, Math.max(1, source.getWidth() / 2), Math.max(1, source.getHeight() / 2));
    }
    double scale = scale(source, width, height);
    BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = frame.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      AffineTransform place = new AffineTransform(scale, 0, 0, scale,
          (width - source.getWidth() * scale) / 2, (height - source.getHeight() * scale) / 2);
      g.drawImage(source, place, null);
    } finally {
      g.dispose();
    }
    return frame;
  }

  private static double scale(BufferedImage picture, int width, int height) {
    return Math.max(width / (double) picture.getWidth(), height / (double) picture.getHeight());
  }

  private static BufferedImage scaled(BufferedImage picture, int width, int height) {
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(picture, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return out;
  }
}
