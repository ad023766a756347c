package dev.krag.stages.generate;

import dev.krag.stages.generate.Figure.Body;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * The animals the icon set has no standing figure for (horse, donkey, goat), drawn on one
 * four-legged plan with what tells them apart (mane, long ears, horns and beard), and the living
 * things of fables (a straw, a coal, a bean). Unit height, feet on y = 0, facing right.
 */
final class BeastShapes {

  private BeastShapes() {}

  static List<Shape> of(Body body) {
    boolean horse = body == Body.HORSE;
    List<Shape> parts = new ArrayList<>();
    parts.add(new Ellipse2D.Double(-0.42, -0.66, 0.74, 0.3));
    Path2D neck = new Path2D.Double();
    neck.moveTo(0.12, -0.62);
    neck.lineTo(0.28, -0.92);
    neck.lineTo(0.4, -0.86);
    neck.lineTo(0.32, -0.5);
    neck.closePath();
    parts.add(neck);
    Shape head = new Ellipse2D.Double(0.26, -0.94, 0.3, horse ? 0.13 : 0.12);
    parts.add(AffineTransform.getRotateInstance(Math.toRadians(28), 0.3, -0.9).createTransformedShape(head));
    for (double[] leg : new double[][] {{-0.33, -0.38}, {-0.22, -0.26}, {0.16, 0.2}, {0.26, 0.32}}) {
      parts.add(Strokes.line(leg[0], -0.5, leg[1], -0.02, horse ? 0.055 : 0.05));
    }
    Path2D tail = new Path2D.Double();
    tail.moveTo(-0.4, -0.58);
    tail.quadTo(-0.6, -0.5, (horse ? -0.56 : -0.5), (horse ? -0.2 : -0.45));
    tail.quadTo(-0.5, -0.45, -0.38, -0.5);
    tail.closePath();
    parts.add(tail);
    switch (body) {
      case HORSE -> {
        Path2D mane = new Path2D.Double();
        mane.moveTo(0.27, -0.95);
        for (int i = 0; i < 5; i++) {
          mane.lineTo(0.2 - i * 0.02, -0.9 + i * 0.07);
          mane.lineTo(0.24 - i * 0.025, -0.86 + i * 0.07);
        }
        mane.lineTo(0.14, -0.6);
        mane.closePath();
        parts.add(mane);
        parts.add(Strokes.line(0.3, -0.94, 0.31, -1.0, 0.03));
      }
      case DONKEY -> {
        parts.add(Strokes.line(0.3, -0.93, 0.24, -1.1, 0.04));
        parts.add(Strokes.line(0.33, -0.93, 0.33, -1.1, 0.04));
      }
      case GOAT -> {
        Path2D horns = new Path2D.Double();
        horns.moveTo(0.3, -0.93);
        horns.quadTo(0.22, -1.08, 0.12, -1.02);
        horns.quadTo(0.22, -1.02, 0.34, -0.9);
        horns.closePath();
        parts.add(horns);
        Path2D beard = new Path2D.Double();
        beard.moveTo(0.46, -0.78);
        beard.lineTo(0.45, -0.66);
        beard.lineTo(0.41, -0.79);
        beard.closePath();
        parts.add(beard);
      }
      default -> throw new IllegalArgumentException("not a beast: " + body);
    }
    return parts;
  }

  /** A thing that lives in a fable: an upright body with thin arms and legs. */
  static List<Shape> thing() {
    return List.of(new RoundRectangle2D.Double(-0.12, -1.0, 0.24, 0.7, 0.2, 0.2),
        Strokes.line(-0.05, -0.32, -0.09, -0.02, 0.04), Strokes.line(0.05, -0.32, 0.09, -0.02, 0.04),
        Strokes.line(-0.11, -0.7, -0.22, -0.48, 0.035), Strokes.line(0.11, -0.7, 0.22, -0.5, 0.035));
  }
}
