package dev.krag.stages.generate;

import dev.krag.stages.generate.Figure.Body;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Draws a {@link Figure} alone, as a cut-paper sprite: the silhouette in the scene's ink with a
 * rim of the character's accent colour, as if lit from behind. A figure is always drawn the same
 * way at the same size, so wherever a shot puts it, its pixels are the same.
 */
final class FigurePainter {

  /** A grown person's height in pixels at which a figure's look is fingerprinted. */
  static final int LOOK_HEIGHT = 256;

  /** How wide the accent rim is, against the figure's height. */
  private static final double RIM = 0.022;

  /**
   * A figure drawn facing right on a transparent ground; {@code footX, footY} is where its feet
   * meet the ground, in the sprite's pixels.
   */
  record Sprite(BufferedImage image, int footX, int footY, boolean turnable) {}

  /** The figure drawn for a grown person of {@code personHeight} pixels. */
  Sprite sprite(Figure figure, int personHeight, Color ink) {
    double size = personHeight * figure.scale();
    List<Shape> parts = parts(figure);
    Rectangle2D unit = bounds(parts);
    double pad = RIM * 0.6;
    int footX = (int) Math.ceil((-unit.getMinX() + pad) * size);
    int footY = (int) Math.ceil((-unit.getMinY() + pad) * size);
    int width = footX + (int) Math.ceil((unit.getMaxX() + pad) * size) + 1;
    int height = footY + (int) Math.ceil((Math.max(0, unit.getMaxY()) + pad) * size) + 1;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.translate(footX, footY);
      g.scale(size, size);
      g.setColor(figure.accent());
      g.setStroke(new BasicStroke((float) RIM, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      parts.forEach(g::draw);
      g.setColor(ink);
      parts.forEach(g::fill);
      g.setColor(figure.accent());
      accents(figure).forEach(g::fill);
    } finally {
      g.dispose();
    }
    boolean turnable = figure.body() != Body.ICON || Silhouettes.get(figure.icon()).facesRight();
    return new Sprite(image, footX, footY, turnable);
  }

  /**
   * A fingerprint of how the figure looks: its sprite at a fixed size, hashed. Two shots that draw
   * a character the same way give the same look.
   */
  String look(Figure figure) {
    BufferedImage image = sprite(figure, LOOK_HEIGHT, Color.BLACK).image();
    int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    ByteBuffer bytes = ByteBuffer.allocate(pixels.length * 4);
    bytes.asIntBuffer().put(pixels);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static List<Shape> parts(Figure figure) {
    return switch (figure.body()) {
      case PERSON -> PersonShapes.of(figure);
      case ICON -> List.of(Silhouettes.get(figure.icon()).shape());
      case HORSE, DONKEY, GOAT -> BeastShapes.of(figure.body());
      case THING -> BeastShapes.thing();
    };
  }

  private static List<Shape> accents(Figure figure) {
    return figure.body() == Body.PERSON ? PersonShapes.accents(figure) : List.of();
  }

  private static Rectangle2D bounds(List<Shape> parts) {
    Rectangle2D all = parts.getFirst().getBounds2D();
    for (Shape part : parts) {
      all.add(part.getBounds2D());
    }
    all.add(0, 0);
    return all;
  }
}
