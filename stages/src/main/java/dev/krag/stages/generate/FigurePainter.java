package dev.krag.stages.generate;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Draws a {@link Figure} as a cut-paper silhouette standing on a ground line, with a band of its
 * accent colour and its name beneath. Everything is drawn in a unit box and scaled, so a figure
 * at the same height is pixel-identical wherever it stands.
 */
final class FigurePainter {

  /** Height in pixels at which a figure's look is fingerprinted. */
  static final int LOOK_HEIGHT = 256;

  /** Paints the figure and gives back the box it covers, in the frame's pixels. */
  Rectangle2D paint(Graphics2D g, Figure figure, double x, double groundY, double height, Color ink, boolean facingLeft) {
    double size = height * figure.scale();
    AffineTransform saved = g.getTransform();
    g.translate(x, groundY);
    g.scale(facingLeft ? -size : size, size);
    silhouette(g, figure, ink);
    g.setTransform(saved);
    label(g, figure, x, groundY, size);
    Rectangle2D unit = unitBounds(figure);
    double left = facingLeft ? -(unit.getX() + unit.getWidth()) : unit.getX();
    return new Rectangle2D.Double(x + left * size, groundY + unit.getY() * size, unit.getWidth() * size, unit.getHeight() * size);
  }

  /**
   * A fingerprint of how the figure looks: its silhouette and accent drawn alone at a fixed size,
   * hashed. Two shots that draw a character the same way give the same look.
   */
  String look(Figure figure) {
    BufferedImage mask = new BufferedImage(LOOK_HEIGHT * 2, LOOK_HEIGHT + 64, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = mask.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.translate(LOOK_HEIGHT, LOOK_HEIGHT + 32);
      g.scale(LOOK_HEIGHT * figure.scale(), LOOK_HEIGHT * figure.scale());
      silhouette(g, figure, Color.WHITE);
    } finally {
      g.dispose();
    }
    int[] pixels = mask.getRGB(0, 0, mask.getWidth(), mask.getHeight(), null, 0, mask.getWidth());
    ByteBuffer bytes = ByteBuffer.allocate(pixels.length * 4);
    bytes.asIntBuffer().put(pixels);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static void silhouette(Graphics2D g, Figure figure, Color ink) {
    g.setColor(ink);
    switch (figure.body()) {
      case HUMAN -> human(g, figure);
      case QUADRUPED -> quadruped(g, figure);
      case BIRD -> bird(g);
      case FROG -> frog(g);
      case OBJECT -> object(g);
    }
    g.setColor(figure.accent());
    g.fill(accentBand(figure));
  }

  /** Where each body plan reaches in its unit box (x to the right, y up from the ground at 0). */
  private static Rectangle2D unitBounds(Figure f) {
    return switch (f.body()) {
      case HUMAN -> new Rectangle2D.Double(-0.24, f.headwear() == Figure.Headwear.POINTED_HAT ? -1.28 : -1.12, 0.5,
          f.headwear() == Figure.Headwear.POINTED_HAT ? 1.28 : 1.12);
      case QUADRUPED -> new Rectangle2D.Double(-0.7, -0.82, 1.26, 0.82);
      case BIRD -> new Rectangle2D.Double(-0.45, -0.75, 0.75, 0.75);
      case FROG -> new Rectangle2D.Double(-0.34, -0.38, 0.68, 0.38);
      case OBJECT -> new Rectangle2D.Double(-0.1, -0.78, 0.2, 0.78);
    };
  }

  private static void human(Graphics2D g, Figure f) {
    g.fill(new Ellipse2D.Double(-0.09, -1.0, 0.18, 0.18));
    g.fill(new Rectangle2D.Double(-0.03, -0.84, 0.06, 0.06));
    Path2D body = new Path2D.Double();
    if (f.dress()) {
      body.moveTo(-0.11, -0.78);
      body.lineTo(0.11, -0.78);
      body.lineTo(0.24, -0.04);
      body.lineTo(-0.24, -0.04);
    } else {
      body.moveTo(-0.13, -0.78);
      body.lineTo(0.13, -0.78);
      body.lineTo(0.11, -0.38);
      body.lineTo(0.1, 0);
      body.lineTo(0.02, 0);
      body.lineTo(0, -0.36);
      body.lineTo(-0.02, 0);
      body.lineTo(-0.1, 0);
      body.lineTo(-0.11, -0.38);
    }
    body.closePath();
    g.fill(body);
    g.fill(new RoundRectangle2D.Double(0.1, -0.76, 0.06, 0.4, 0.05, 0.05));
    g.fill(new RoundRectangle2D.Double(-0.16, -0.76, 0.06, 0.4, 0.05, 0.05));
    if (f.staff()) {
      g.setStroke(new BasicStroke(0.025f));
      g.draw(new java.awt.geom.Line2D.Double(0.2, -0.85, 0.26, 0));
    }
    headwear(g, f);
  }

  private static void headwear(Graphics2D g, Figure f) {
    Path2D hat = new Path2D.Double();
    switch (f.headwear()) {
      case HAT -> {
        g.fill(new Rectangle2D.Double(-0.15, -0.95, 0.3, 0.035));
        g.fill(new Rectangle2D.Double(-0.085, -1.08, 0.17, 0.14));
      }
      case CROWN -> {
        hat.moveTo(-0.09, -0.97);
        hat.lineTo(-0.09, -1.1);
        hat.lineTo(-0.045, -1.04);
        hat.lineTo(0, -1.12);
        hat.lineTo(0.045, -1.04);
        hat.lineTo(0.09, -1.1);
        hat.lineTo(0.09, -0.97);
        hat.closePath();
        g.fill(hat);
      }
      case POINTED_HAT -> {
        g.fill(new Rectangle2D.Double(-0.17, -0.96, 0.34, 0.03));
        hat.moveTo(-0.1, -0.95);
        hat.lineTo(0.04, -1.28);
        hat.lineTo(0.1, -0.95);
        hat.closePath();
        g.fill(hat);
      }
      case HOOD -> {
        hat.moveTo(-0.13, -0.8);
        hat.quadTo(-0.14, -1.08, 0, -1.07);
        hat.quadTo(0.14, -1.08, 0.13, -0.8);
        hat.closePath();
        g.fill(hat);
      }
      default -> { }
    }
  }

  private static void quadruped(Graphics2D g, Figure f) {
    g.fill(new Ellipse2D.Double(-0.4, -0.48, 0.7, 0.26));
    g.fill(new Ellipse2D.Double(0.22, -0.66, 0.22, 0.18));
    Path2D snout = new Path2D.Double();
    snout.moveTo(0.4, -0.62);
    snout.lineTo(0.56, -0.55);
    snout.lineTo(0.4, -0.5);
    snout.closePath();
    g.fill(snout);
    for (double lx : new double[] {-0.33, -0.2, 0.12, 0.22}) {
      g.fill(new Rectangle2D.Double(lx, -0.3, 0.05, 0.3));
    }
    Path2D tail = new Path2D.Double();
    tail.moveTo(-0.38, -0.42);
    tail.quadTo(-0.7, -0.5, -0.66, -0.2);
    tail.quadTo(-0.58, -0.38, -0.36, -0.34);
    tail.closePath();
    g.fill(tail);
    Path2D ears = new Path2D.Double();
    double earHeight = f.headwear() == Figure.Headwear.EARS ? 0.16 : 0.08;
    ears.moveTo(0.26, -0.62);
    ears.lineTo(0.29, -0.62 - earHeight);
    ears.lineTo(0.33, -0.64);
    ears.moveTo(0.33, -0.64);
    ears.lineTo(0.37, -0.64 - earHeight);
    ears.lineTo(0.4, -0.62);
    g.fill(ears);
    if (f.headwear() == Figure.Headwear.HORNS) {
      g.setStroke(new BasicStroke(0.02f));
      g.draw(new java.awt.geom.QuadCurve2D.Double(0.3, -0.64, 0.26, -0.8, 0.18, -0.78));
    }
  }

  private static void bird(Graphics2D g) {
    g.fill(new Ellipse2D.Double(-0.16, -0.42, 0.32, 0.2));
    g.fill(new Ellipse2D.Double(0.1, -0.5, 0.12, 0.12));
    Path2D wing = new Path2D.Double();
    wing.moveTo(-0.05, -0.38);
    wing.quadTo(-0.2, -0.75, -0.45, -0.7);
    wing.quadTo(-0.25, -0.5, -0.1, -0.3);
    wing.closePath();
    g.fill(wing);
    Path2D beak = new Path2D.Double();
    beak.moveTo(0.21, -0.46);
    beak.lineTo(0.3, -0.43);
    beak.lineTo(0.21, -0.41);
    beak.closePath();
    g.fill(beak);
    g.fill(new Rectangle2D.Double(-0.02, -0.24, 0.02, 0.24));
    g.fill(new Rectangle2D.Double(0.04, -0.24, 0.02, 0.24));
  }

  private static void frog(Graphics2D g) {
    g.fill(new Ellipse2D.Double(-0.25, -0.3, 0.5, 0.3));
    g.fill(new Ellipse2D.Double(-0.18, -0.38, 0.13, 0.13));
    g.fill(new Ellipse2D.Double(0.05, -0.38, 0.13, 0.13));
    g.fill(new Ellipse2D.Double(-0.34, -0.1, 0.2, 0.1));
    g.fill(new Ellipse2D.Double(0.14, -0.1, 0.2, 0.1));
  }

  private static void object(Graphics2D g) {
    g.fill(new RoundRectangle2D.Double(-0.08, -0.6, 0.16, 0.6, 0.1, 0.1));
    g.fill(new Ellipse2D.Double(-0.1, -0.78, 0.2, 0.2));
  }

  private static java.awt.Shape accentBand(Figure f) {
    return switch (f.body()) {
      case HUMAN -> new Rectangle2D.Double(-0.13, -0.56, 0.26, 0.05);
      case QUADRUPED -> new Rectangle2D.Double(0.2, -0.52, 0.06, 0.1);
      case BIRD -> new Ellipse2D.Double(0.08, -0.36, 0.06, 0.06);
      case FROG -> new Ellipse2D.Double(-0.06, -0.2, 0.12, 0.06);
      case OBJECT -> new Rectangle2D.Double(-0.08, -0.35, 0.16, 0.05);
    };
  }

  private static void label(Graphics2D g, Figure f, double x, double groundY, double size) {
    float fontSize = (float) Math.max(14, Math.min(28, size * 0.09));
    Font font = Fonts.SEMIBOLD.deriveFont(fontSize);
    g.setFont(font);
    FontMetrics metrics = g.getFontMetrics();
    String text = f.name();
    int tw = metrics.stringWidth(text);
    double top = f.body() == Figure.Body.HUMAN ? 1.2 : 0.85;
    double y = Math.max(fontSize * 1.5, groundY - size * top);
    g.setColor(new Color(0, 0, 0, 150));
    g.drawString(text, (float) (x - tw / 2.0 + 1.5), (float) y + 1.5f);
    g.setColor(f.accent().brighter());
    g.drawString(text, (float) (x - tw / 2.0), (float) y);
  }
}
