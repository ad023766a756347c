package dev.krag.stages.generate;

import static dev.krag.stages.generate.SilhouetteIllustrator.blend;
import static dev.krag.stages.generate.SilhouetteIllustrator.withAlpha;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint.CycleMethod;
import java.awt.RadialGradientPaint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.Random;

/** The things that tell one place from another: trees, a cottage, a castle, water, peaks, a room. */
final class Landmarks {

  private Landmarks() {}

  static void paint(Graphics2D g, int w, int h, Setting setting, Palette p, Random random) {
    switch (setting.kind()) {
      case FOREST -> {
        forest(g, w, h, p, random, 0.6, 26, 0.6);
        forest(g, w, h, p, random, 0.75, 14, 0.25);
      }
      case HOUSE -> {
        forest(g, w, h, p, random, 0.62, 10, 0.5);
        cottage(g, w * 0.2, h * 0.8, h * 0.26, p);
      }
      case CASTLE -> castle(g, w * 0.62, h * 0.68, h * 0.42, p);
      case WATER -> water(g, w, h, p);
      case MOUNTAIN -> peaks(g, w, h, p, random);
      case ROOM -> room(g, w, h, p);
      case OPEN_LAND -> forest(g, w, h, p, random, 0.7, 6, 0.3);
    }
    ground(g, w, h, p);
  }

  private static void ground(Graphics2D g, int w, int h, Palette p) {
    g.setPaint(new GradientPaint(0, h * 0.82f, blend(p.ground(), p.silhouette(), 0.5), 0, h, p.silhouette()));
    Path2D front = new Path2D.Double();
    front.moveTo(0, h);
    front.lineTo(0, h * 0.86);
    front.curveTo(w * 0.3, h * 0.8, w * 0.6, h * 0.9, w, h * 0.84);
    front.lineTo(w, h);
    front.closePath();
    g.fill(front);
  }

  private static void forest(Graphics2D g, int w, int h, Palette p, Random random, double baseline, int count, double haze) {
    Color color = blend(p.silhouette(), p.skyBottom(), haze);
    for (int i = 0; i < count; i++) {
      double x = random.nextDouble() * w;
      double size = h * (0.12 + random.nextDouble() * 0.14) * (1.2 - haze);
      pine(g, x, h * baseline + random.nextDouble() * h * 0.04, size, color);
    }
  }

  private static void pine(Graphics2D g, double x, double base, double size, Color color) {
    g.setColor(color);
    g.fill(new Rectangle2D.Double(x - size * 0.03, base - size * 0.15, size * 0.06, size * 0.18));
    for (int tier = 0; tier < 3; tier++) {
      double tierBase = base - size * (0.12 + tier * 0.26);
      double half = size * (0.32 - tier * 0.08);
      Path2D t = new Path2D.Double();
      t.moveTo(x - half, tierBase);
      t.lineTo(x, tierBase - size * 0.42);
      t.lineTo(x + half, tierBase);
      t.closePath();
      g.fill(t);
    }
  }

  private static void cottage(Graphics2D g, double x, double base, double size, Palette p) {
    g.setColor(p.silhouette());
    g.fill(new Rectangle2D.Double(x, base - size * 0.55, size * 0.9, size * 0.55));
    Path2D roof = new Path2D.Double();
    roof.moveTo(x - size * 0.1, base - size * 0.55);
    roof.lineTo(x + size * 0.45, base - size);
    roof.lineTo(x + size, base - size * 0.55);
    roof.closePath();
    g.fill(roof);
    g.fill(new Rectangle2D.Double(x + size * 0.65, base - size * 0.95, size * 0.1, size * 0.25));
    lit(g, x + size * 0.18, base - size * 0.42, size * 0.2, size * 0.18, p);
    lit(g, x + size * 0.55, base - size * 0.42, size * 0.16, size * 0.42, p);
  }

  private static void castle(Graphics2D g, double cx, double base, double size, Palette p) {
    Color color = blend(p.silhouette(), p.skyBottom(), 0.25);
    g.setColor(color);
    g.fill(new Rectangle2D.Double(cx - size * 0.5, base - size * 0.45, size, size * 0.45));
    for (int i = -1; i <= 1; i++) {
      double tx = cx + i * size * 0.5 - size * 0.09;
      double top = base - size * (i == 0 ? 0.95 : 0.72);
      g.fill(new Rectangle2D.Double(tx, top, size * 0.18, base - top));
      Path2D spire = new Path2D.Double();
      spire.moveTo(tx - size * 0.02, top);
      spire.lineTo(tx + size * 0.09, top - size * 0.2);
      spire.lineTo(tx + size * 0.2, top);
      spire.closePath();
      g.fill(spire);
      lit(g, tx + size * 0.06, top + size * 0.12, size * 0.06, size * 0.09, p);
    }
    for (double bx = cx - size * 0.5; bx < cx + size * 0.5; bx += size * 0.08) {
      g.fill(new Rectangle2D.Double(bx, base - size * 0.5, size * 0.045, size * 0.06));
    }
  }

  private static void water(Graphics2D g, int w, int h, Palette p) {
    float top = h * 0.66f;
    g.setPaint(new GradientPaint(0, top, blend(p.skyBottom(), p.ground(), 0.3), 0, h, blend(p.skyTop(), p.silhouette(), 0.5)));
    g.fill(new Rectangle2D.Double(0, top, w, h - top));
    g.setColor(withAlpha(p.light(), 90));
    for (int i = 0; i < 12; i++) {
      double y = top + (h - top) * (i / 12.0);
      double len = w * (0.05 + 0.02 * (i % 3));
      g.fill(new Rectangle2D.Double(w * 0.76 - len / 2, y, len, 2));
    }
  }

  private static void peaks(Graphics2D g, int w, int h, Palette p, Random random) {
    Color color = blend(p.silhouette(), p.skyBottom(), 0.45);
    for (int i = 0; i < 4; i++) {
      double cx = w * (0.1 + i * 0.28 + random.nextDouble() * 0.05);
      double peak = h * (0.2 + random.nextDouble() * 0.15);
      Path2D m = new Path2D.Double();
      m.moveTo(cx - w * 0.25, h * 0.7);
      m.lineTo(cx, peak);
      m.lineTo(cx + w * 0.25, h * 0.7);
      m.closePath();
      g.setColor(color);
      g.fill(m);
      Path2D snow = new Path2D.Double();
      snow.moveTo(cx - w * 0.04, peak + h * 0.07);
      snow.lineTo(cx, peak);
      snow.lineTo(cx + w * 0.04, peak + h * 0.07);
      snow.closePath();
      g.setColor(withAlpha(p.light(), 150));
      g.fill(snow);
    }
  }

  private static void room(Graphics2D g, int w, int h, Palette p) {
    g.setPaint(new GradientPaint(0, 0, blend(p.ground(), p.window(), 0.25), 0, h, p.silhouette()));
    g.fillRect(0, 0, w, h);
    g.setPaint(new RadialGradientPaint(new Point2D.Float(w * 0.3f, h * 0.45f), h * 0.6f, new float[] {0f, 1f},
        new Color[] {withAlpha(p.window(), 110), withAlpha(p.window(), 0)}, CycleMethod.NO_CYCLE));
    g.fillRect(0, 0, w, h);
    lit(g, w * 0.62, h * 0.18, w * 0.14, h * 0.26, p);
    g.setColor(p.silhouette());
    g.fill(new Rectangle2D.Double(w * 0.68, h * 0.18, w * 0.01, h * 0.26));
    g.fill(new Rectangle2D.Double(w * 0.62, h * 0.3, w * 0.14, h * 0.012));
    g.fill(new Rectangle2D.Double(w * 0.12, h * 0.62, w * 0.22, h * 0.03));
    g.fill(new Rectangle2D.Double(w * 0.14, h * 0.62, w * 0.015, h * 0.2));
    g.fill(new Rectangle2D.Double(w * 0.31, h * 0.62, w * 0.015, h * 0.2));
    g.fill(new Ellipse2D.Double(w * 0.2, h * 0.56, w * 0.05, h * 0.06));
  }

  private static void lit(Graphics2D g, double x, double y, double w, double h, Palette p) {
    g.setPaint(new RadialGradientPaint(new Point2D.Double(x + w / 2, y + h / 2), (float) Math.max(w, h) * 2,
        new float[] {0f, 1f}, new Color[] {withAlpha(p.window(), 110), withAlpha(p.window(), 0)}, CycleMethod.NO_CYCLE));
    g.fill(new Ellipse2D.Double(x - w * 1.5, y - h * 1.5, w * 4, h * 4));
    g.setColor(p.window());
    g.fill(new Rectangle2D.Double(x, y, w, h));
  }
}
