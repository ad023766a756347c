package dev.krag.stages.generate;

import dev.krag.stages.generate.Figure.Headwear;
import dev.krag.stages.generate.Figure.Prop;
import dev.krag.stages.generate.Figure.Trait;
import java.awt.BasicStroke;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A person in profile, facing right, in the cut-paper manner: a head with a nose, a coat or a dress,
 * limbs in a walking stance, and what tells one person from another (headwear, beard, hair, cloak,
 * what they carry). Unit height, feet on y = 0, y growing downwards as on screen.
 */
final class PersonShapes {

  private static final double HEAD_Y = -0.915;
  private static final double SHOULDER_Y = -0.79;
  private static final double WAIST_Y = -0.53;
  private static final double HIP_Y = -0.44;
  private static final double LIMB = 0.05;

  private PersonShapes() {}

  static List<Shape> of(Figure f) {
    double headRadius = 0.064 * (f.traits().contains(Trait.CHILD) ? 1.25 : 1.0);
    double girth = f.traits().contains(Trait.STOUT) ? 1.3 : 1.0;
    List<Shape> lower = new ArrayList<>();
    List<Shape> upper = new ArrayList<>();
    if (f.traits().contains(Trait.CLOAK)) {
      upper.add(cloak(girth));
    }
    if (f.traits().contains(Trait.DRESS)) {
      lower.add(skirt(girth));
      lower.add(new Ellipse2D.Double(0.02, -0.035, 0.1, 0.035));
      upper.add(bodice(girth));
    } else {
      lower.add(limb(-0.035, HIP_Y, -0.08, -0.02));
      lower.add(limb(0.03, HIP_Y, 0.09, -0.02));
      lower.add(new Ellipse2D.Double(-0.115, -0.04, 0.09, 0.04));
      lower.add(new Ellipse2D.Double(0.07, -0.04, 0.1, 0.04));
      upper.add(coat(girth));
    }
    upper.add(new Rectangle2D.Double(-0.024, HEAD_Y + headRadius * 0.6, 0.048, 0.07));
    if (f.traits().contains(Trait.LONG_HAIR)) {
      upper.add(hair(headRadius));
    }
    upper.add(head(headRadius));
    if (f.traits().contains(Trait.BEARD)) {
      upper.add(beard(headRadius));
    }
    upper.addAll(headwear(f.headwear(), headRadius));
    upper.add(limb(-0.04, SHOULDER_Y + 0.02, -0.1, WAIST_Y + 0.02));
    upper.addAll(frontArmAndProp(f.prop()));
    if (f.traits().contains(Trait.STOOPED)) {
      // A bent back: everything above the hips leans forward.
      AffineTransform lean = AffineTransform.getRotateInstance(Math.toRadians(11), 0, HIP_Y);
      upper.replaceAll(lean::createTransformedShape);
    }
    List<Shape> all = new ArrayList<>(lower);
    all.addAll(upper);
    return all;
  }

  /** A belt or sash in the character's accent colour. */
  static List<Shape> accents(Figure f) {
    double girth = f.traits().contains(Trait.STOUT) ? 1.3 : 1.0;
    Shape sash = new Rectangle2D.Double(-0.085 * girth, WAIST_Y - 0.015, 0.17 * girth, 0.03);
    if (f.traits().contains(Trait.STOOPED)) {
      sash = AffineTransform.getRotateInstance(Math.toRadians(11), 0, HIP_Y).createTransformedShape(sash);
    }
    return List.of(sash);
  }

  private static Shape head(double r) {
    Path2D head = new Path2D.Double(new Ellipse2D.Double(-r, HEAD_Y - r * 1.08, r * 2, r * 2.16));
    head.moveTo(r * 0.85, HEAD_Y - r * 0.2);
    head.lineTo(r * 1.38, HEAD_Y + r * 0.22);
    head.lineTo(r * 0.8, HEAD_Y + r * 0.4);
    head.closePath();
    return head;
  }

  private static Shape coat(double girth) {
    double belly = girth > 1 ? 0.2 : 0.1;
    Path2D coat = new Path2D.Double();
    coat.moveTo(-0.095 * girth, SHOULDER_Y);
    coat.lineTo(0.085 * girth, SHOULDER_Y);
    coat.quadTo(belly, WAIST_Y, 0.09 * girth, HIP_Y + 0.02);
    coat.lineTo(-0.095 * girth, HIP_Y + 0.02);
    coat.quadTo(-0.09 * girth, WAIST_Y, -0.095 * girth, SHOULDER_Y);
    coat.closePath();
    return coat;
  }

  private static Shape bodice(double girth) {
    Path2D bodice = new Path2D.Double();
    bodice.moveTo(-0.085 * girth, SHOULDER_Y);
    bodice.lineTo(0.075 * girth, SHOULDER_Y);
    bodice.lineTo(0.062 * girth, WAIST_Y);
    bodice.lineTo(-0.07 * girth, WAIST_Y);
    bodice.closePath();
    return bodice;
  }

  private static Shape skirt(double girth) {
    Path2D skirt = new Path2D.Double();
    skirt.moveTo(-0.075 * girth, WAIST_Y - 0.01);
    skirt.lineTo(0.068 * girth, WAIST_Y - 0.01);
    skirt.quadTo(0.13 * girth, -0.25, 0.2 * girth, -0.03);
    skirt.quadTo(0, 0.0, -0.21 * girth, -0.035);
    skirt.quadTo(-0.14 * girth, -0.25, -0.075 * girth, WAIST_Y - 0.01);
    skirt.closePath();
    return skirt;
  }

  private static Shape cloak(double girth) {
    Path2D cloak = new Path2D.Double();
    cloak.moveTo(-0.05, SHOULDER_Y - 0.03);
    cloak.quadTo(-0.2 * girth, -0.5, -0.27 * girth, -0.12);
    cloak.quadTo(-0.12, -0.1, 0.0, -0.16);
    cloak.lineTo(0.02, SHOULDER_Y);
    cloak.closePath();
    return cloak;
  }

  private static Shape hair(double r) {
    Path2D hair = new Path2D.Double();
    hair.moveTo(r * 0.3, HEAD_Y - r * 1.05);
    hair.quadTo(-r * 1.6, HEAD_Y - r * 1.1, -r * 1.55, HEAD_Y + r * 1.6);
    hair.quadTo(-r * 1.9, SHOULDER_Y + 0.12, -r * 0.9, SHOULDER_Y + 0.16);
    hair.quadTo(-r * 0.4, HEAD_Y + r * 0.8, -r * 0.2, HEAD_Y);
    hair.closePath();
    return hair;
  }

  private static Shape beard(double r) {
    Path2D beard = new Path2D.Double();
    beard.moveTo(r * 0.95, HEAD_Y + r * 0.45);
    beard.quadTo(r * 0.9, HEAD_Y + r * 2.4, r * 0.1, HEAD_Y + r * 2.6);
    beard.quadTo(-r * 0.3, HEAD_Y + r * 1.4, -r * 0.5, HEAD_Y + r * 0.6);
    beard.closePath();
    return beard;
  }

  private static List<Shape> headwear(Headwear headwear, double r) {
    double top = HEAD_Y - r * 1.08;
    Path2D hat = new Path2D.Double();
    switch (headwear) {
      case CROWN -> {
        hat.moveTo(-r * 0.85, top + r * 0.35);
        hat.lineTo(-r * 0.95, top - r * 0.75);
        hat.lineTo(-r * 0.45, top - r * 0.25);
        hat.lineTo(0, top - r * 0.95);
        hat.lineTo(r * 0.45, top - r * 0.25);
        hat.lineTo(r * 0.95, top - r * 0.75);
        hat.lineTo(r * 0.85, top + r * 0.35);
        hat.closePath();
        return List.of(hat);
      }
      case POINTED_HAT -> {
        hat.moveTo(-r * 0.95, top + r * 0.45);
        hat.quadTo(-r * 0.2, top - r * 2.0, -r * 1.9, top - r * 3.6);
        hat.quadTo(r * 0.4, top - r * 2.4, r * 0.95, top + r * 0.45);
        hat.closePath();
        return List.of(hat, new Ellipse2D.Double(-r * 1.9, top + r * 0.2, r * 3.8, r * 0.5));
      }
      case HOOD -> {
        hat.moveTo(r * 0.7, top + r * 0.1);
        hat.quadTo(-r * 0.6, top - r * 0.6, -r * 1.4, top + r * 0.5);
        hat.quadTo(-r * 2.4, top + r * 1.6, -r * 1.6, SHOULDER_Y + 0.03);
        hat.lineTo(r * 0.3, SHOULDER_Y + 0.02);
        hat.quadTo(-r * 0.6, HEAD_Y, r * 0.7, top + r * 0.1);
        hat.closePath();
        return List.of(hat);
      }
      case BRIMMED_HAT -> {
        return List.of(new Rectangle2D.Double(-r * 1.7, top + r * 0.3, r * 3.5, r * 0.24),
            new Rectangle2D.Double(-r * 0.9, top - r * 0.75, r * 1.75, r * 1.1));
      }
      case CAP -> {
        hat.append(new Arc2D.Double(-r * 1.05, top - r * 0.15, r * 2.1, r * 1.4, 0, 180, Arc2D.CHORD), false);
        hat.append(new Rectangle2D.Double(r * 0.5, top + r * 0.45, r * 0.95, r * 0.18), false);
        return List.of(hat);
      }
      case BONNET -> {
        hat.moveTo(r * 0.6, top + r * 0.05);
        hat.quadTo(-r * 1.3, top - r * 0.5, -r * 1.3, HEAD_Y + r * 0.4);
        hat.quadTo(-r * 1.0, HEAD_Y + r * 1.1, -r * 0.2, HEAD_Y + r * 0.6);
        hat.quadTo(-r * 0.3, HEAD_Y - r * 0.4, r * 0.6, top + r * 0.05);
        hat.closePath();
        return List.of(hat, new Ellipse2D.Double(-r * 1.75, HEAD_Y + r * 0.1, r * 0.7, r * 0.7));
      }
      case NONE -> {
        return List.of();
      }
    }
    throw new IllegalStateException("every headwear is drawn: " + headwear);
  }

  /** The arm nearer the viewer, posed for what it carries. */
  private static List<Shape> frontArmAndProp(Prop prop) {
    return switch (prop) {
      case GUN -> List.of(limb(0.03, SHOULDER_Y + 0.02, 0.09, -0.62),
          Strokes.line(0.13, -0.56, -0.09, -1.0, 0.02), Strokes.line(0.13, -0.56, 0.08, -0.66, 0.045));
      case AXE -> {
        Path2D blade = new Path2D.Double();
        blade.moveTo(-0.07, -0.97);
        blade.lineTo(-0.16, -1.04);
        blade.quadTo(-0.2, -0.94, -0.14, -0.86);
        blade.lineTo(-0.06, -0.92);
        blade.closePath();
        yield List.of(limb(0.03, SHOULDER_Y + 0.02, 0.09, -0.62), Strokes.line(0.11, -0.58, -0.09, -0.97, 0.022), blade);
      }
      case STAFF -> List.of(limb(0.03, SHOULDER_Y + 0.02, 0.15, -0.58), Strokes.line(0.15, -0.95, 0.2, 0.0, 0.022));
      case BASKET -> {
        Path2D basket = new Path2D.Double(new Arc2D.Double(0.03, -0.6, 0.17, 0.16, 180, 180, Arc2D.CHORD));
        basket.append(new BasicStroke(0.014f).createStrokedShape(new Arc2D.Double(0.05, -0.62, 0.13, 0.14, 0, 180, Arc2D.OPEN)), false);
        yield List.of(limb(0.03, SHOULDER_Y + 0.02, 0.11, -0.6), basket);
      }
      case NONE -> List.of(limb(0.03, SHOULDER_Y + 0.02, 0.08, WAIST_Y + 0.03));
    };
  }

  private static Shape limb(double x1, double y1, double x2, double y2) {
    return Strokes.line(x1, y1, x2, y2, LIMB);
  }
}
