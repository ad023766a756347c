package dev.krag.stages.generate;

import java.awt.BasicStroke;
import java.awt.Shape;
import java.awt.geom.Line2D;

/** Limbs, staffs and handles: straight strokes with round ends, as shapes to fill. */
final class Strokes {

  private Strokes() {}

  static Shape line(double x1, double y1, double x2, double y2, double width) {
    return new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
        .createStrokedShape(new Line2D.Double(x1, y1, x2, y2));
  }
}
