package dev.krag.stages.generate;

import static dev.krag.stages.generate.Colors.blend;
import static dev.krag.stages.generate.Colors.withAlpha;

import dev.krag.stages.generate.Setting.Kind;
import dev.krag.stages.generate.Setting.TimeOfDay;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint.CycleMethod;
import java.awt.RadialGradientPaint;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.Random;

/**
 * The stage the figures stand on: a sky for the time of day, hills fading with distance, and the
 * landmarks that tell one kind of place from another (pines for a forest, a cabin with lit
 * windows, a castle gate on its hill, a well, a mill, a sail on the sea, a road to the horizon, a
 * room with its hearth). Sizes follow the shorter side of a 16:9 box that fits the frame, so a
 * square or an upright frame shows the same place, cropped rather than squashed.
 */
final class Backdrop {

  private final Graphics2D g;
  private final int w;
  private final int h;
  private final double unit;
  private final Palette p;
  private final Random random;
  private int glow;

  Backdrop(Graphics2D g, int w, int h, Palette palette, Random random) {
    this.g = g;
    this.w = w;
    this.h = h;
    this.unit = unit(w, h);
    this.p = palette;
    this.random = random;
  }

  /** The frame's measure for sizes: the shorter side of the 16:9 box that fits in it. */
  static double unit(int w, int h) {
    return Math.min(h, w * 9.0 / 16.0);
  }

  void paint(Setting setting) {
    // Lamplight shows in the windows after dark; by day they are only a little warmer than the walls.
    glow = setting.time() == TimeOfDay.DAY ? 90 : 255;
    if (setting.kind() == Kind.ROOM) {
      room(setting.time());
      return;
    }
    sky(setting.time());
    if (setting.kind() == Kind.SEA) {
      sea();
    } else {
      hills(setting.kind() == Kind.MOUNTAIN ? 2 : 3);
    }
    switch (setting.kind()) {
      case FOREST -> {
        trees("pine-tree", 0.56, 18, 0.16, 0.62);
        trees("pine-tree", 0.66, 10, 0.26, 0.35);
        trees("oak", 0.7, 3, 0.24, 0.3);
      }
      case COTTAGE -> {
        trees("pine-tree", 0.6, 9, 0.2, 0.5);
        lit("wood-cabin", w * 0.24, h * 0.78, unit * 0.34, 0.1);
        trees("pine-tree", 0.76, 3, 0.3, 0.12);
      }
      case VILLAGE -> {
        trees("oak", 0.6, 5, 0.14, 0.55);
        lit("church", w * 0.7, h * 0.68, unit * 0.3, 0.35);
        lit("medieval-village-01", w * 0.3, h * 0.72, unit * 0.3, 0.25);
        lit("hut", w * 0.52, h * 0.74, unit * 0.16, 0.2);
      }
      case CASTLE -> {
        mound(w * 0.62, h * 0.7, w * 0.5, unit * 0.08, 0.3);
        lit("stone-tower", w * 0.44, h * 0.66, unit * 0.34, 0.3);
        lit("medieval-gate", w * 0.64, h * 0.66, unit * 0.42, 0.3);
        trees("pine-tree", 0.74, 4, 0.2, 0.2);
      }
      case CHURCH -> {
        trees("oak", 0.62, 4, 0.18, 0.45);
        lit("church", w * 0.6, h * 0.74, unit * 0.4, 0.2);
      }
      case MILL -> {
        mound(w * 0.3, h * 0.72, w * 0.42, unit * 0.1, 0.3);
        lit("windmill", w * 0.3, h * 0.66, unit * 0.4, 0.3);
        trees("oak", 0.72, 3, 0.22, 0.2);
      }
      case WELL -> {
        trees("oak", 0.62, 4, 0.22, 0.45);
        lit("wood-cabin", w * 0.78, h * 0.7, unit * 0.2, 0.4);
        icon("well", w * 0.27, h * 0.8, unit * 0.26, p.silhouette(), false);
      }
      case SEA -> icon("sailboat", w * 0.7, h * 0.63, unit * 0.12, blend(p.silhouette(), p.skyBottom(), 0.35), false);
      case RIVER -> {
        trees("willow-tree", 0.62, 5, 0.2, 0.4);
        river();
      }
      case MOUNTAIN -> {
        peaks();
        trees("pine-tree", 0.72, 8, 0.18, 0.3);
      }
      case GARDEN -> {
        trees("fruit-tree", 0.66, 5, 0.26, 0.35);
        hedge();
      }
      case ROAD -> {
        road();
        trees("oak", 0.62, 4, 0.2, 0.4);
      }
      case MEADOW -> {
        trees("oak", 0.66, 2, 0.3, 0.3);
        trees("pine-tree", 0.6, 4, 0.14, 0.55);
      }
      case ROOM -> throw new IllegalStateException("a room has no sky");
    }
    ground();
    for (int i = 0; i < 5; i++) {
      icon("grass", random.nextDouble() * w, h * (0.9 + random.nextDouble() * 0.08), unit * 0.06, p.silhouette(), i % 2 == 0);
    }
  }

  private void sky(TimeOfDay time) {
    g.setPaint(new GradientPaint(0, 0, p.skyTop(), 0, h * 0.7f, p.skyBottom()));
    g.fillRect(0, 0, w, h);
    if (time == TimeOfDay.NIGHT) {
      g.setColor(new Color(255, 255, 240, 200));
      int stars = (int) (140 * (w * (double) h) / (1280 * 720));
      for (int i = 0; i < stars; i++) {
        double r = (0.6 + random.nextDouble() * 1.4) * unit / 720;
        g.fill(new Ellipse2D.Double(random.nextDouble() * w, random.nextDouble() * h * 0.55, r * 2, r * 2));
      }
    }
    float cx = (float) (w * 0.76);
    float cy = (float) (time == TimeOfDay.DUSK ? h * 0.45 : h * 0.2);
    float glow = (float) (unit * 0.28);
    g.setPaint(new RadialGradientPaint(new Point2D.Float(cx, cy), glow, new float[] {0f, 0.25f, 1f},
        new Color[] {withAlpha(p.light(), 160), withAlpha(p.light(), 60), withAlpha(p.light(), 0)}, CycleMethod.NO_CYCLE));
    g.fill(new Ellipse2D.Float(cx - glow, cy - glow, glow * 2, glow * 2));
    float disc = (float) (unit * 0.055);
    g.setColor(p.light());
    g.fill(new Ellipse2D.Float(cx - disc, cy - disc, disc * 2, disc * 2));
    if (time == TimeOfDay.NIGHT) {
      g.setColor(p.skyTop().brighter());
      g.fill(new Ellipse2D.Float(cx - disc * 0.55f, cy - disc * 1.05f, disc * 1.9f, disc * 1.9f));
    }
  }

  private void hills(int layers) {
    for (int layer = 0; layer < layers; layer++) {
      double base = h * (0.56 + layer * 0.08);
      double amplitude = unit * (0.06 - layer * 0.012);
      double phase = random.nextDouble() * Math.PI * 2;
      Path2D hill = new Path2D.Double();
      hill.moveTo(0, h);
      for (int x = 0; x <= w + 8; x += 8) {
        double y = base - amplitude * (Math.sin(x / (unit * 0.32) + phase) * 0.6 + Math.sin(x / (unit * 0.12) + phase * 2) * 0.25);
        hill.lineTo(x, y);
      }
      hill.lineTo(w, h);
      hill.closePath();
      g.setColor(blend(p.ground(), p.skyBottom(), 0.55 - layer * 0.2));
      g.fill(hill);
    }
  }

  /** The nearest ground, whose top runs about where the figures of wide and medium shots stand. */
  private void ground() {
    g.setPaint(new GradientPaint(0, (float) (h * 0.76), blend(p.ground(), p.silhouette(), 0.5), 0, h, p.silhouette()));
    Path2D front = new Path2D.Double();
    front.moveTo(0, h);
    front.lineTo(0, h * 0.8);
    front.curveTo(w * 0.3, h * 0.75, w * 0.6, h * 0.84, w, h * 0.79);
    front.lineTo(w, h);
    front.closePath();
    g.fill(front);
  }

  /** A row of trees along a baseline, hazier the further back, each a little different in size. */
  private void trees(String icon, double baseline, int count, double size, double haze) {
    Color color = blend(p.silhouette(), p.skyBottom(), haze);
    int n = Math.max(1, (int) Math.round(count * w / (unit * 16 / 9)));
    for (int i = 0; i < n; i++) {
      double x = (i + 0.2 + random.nextDouble() * 0.6) * w / n;
      double height = unit * size * (0.8 + random.nextDouble() * 0.4);
      icon(icon, x, h * baseline + random.nextDouble() * h * 0.03, height, color, random.nextBoolean());
    }
  }

  /** A building whose windows glow: warm light behind it shows through the cut-outs of its shape. */
  private void lit(String icon, double x, double base, double height, double haze) {
    double width = height * Silhouettes.get(icon).aspect();
    g.setPaint(new RadialGradientPaint(new Point2D.Double(x, base - height * 0.45), (float) (height * 0.7),
        new float[] {0f, 0.5f, 1f}, new Color[] {withAlpha(p.window(), glow), withAlpha(p.window(), glow / 2),
            withAlpha(p.window(), 0)}, CycleMethod.NO_CYCLE));
    g.fill(new Rectangle2D.Double(x - width * 0.75, base - height * 1.2, width * 1.5, height * 1.3));
    icon(icon, x, base, height, blend(p.silhouette(), p.skyBottom(), haze), false);
  }

  private void icon(String name, double x, double base, double height, Color color, boolean mirrored) {
    AffineTransform at = AffineTransform.getTranslateInstance(x, base);
    at.scale(mirrored ? -height : height, height);
    g.setColor(color);
    g.fill(at.createTransformedShape(Silhouettes.get(name).shape()));
  }

  private void mound(double cx, double base, double width, double rise, double haze) {
    g.setColor(blend(p.ground(), p.skyBottom(), haze));
    g.fill(new Ellipse2D.Double(cx - width / 2, base - rise, width, rise * 2.5));
  }

  private void sea() {
    double horizon = h * 0.62;
    g.setPaint(new GradientPaint(0, (float) horizon, blend(p.skyBottom(), p.ground(), 0.35), 0, h,
        blend(p.skyTop(), p.silhouette(), 0.55)));
    g.fill(new Rectangle2D.Double(0, horizon, w, h - horizon));
    g.setColor(withAlpha(p.light(), 80));
    for (int i = 0; i < 14; i++) {
      double y = horizon + (h - horizon) * (i / 14.0);
      double len = unit * (0.05 + 0.03 * (i % 3)) * (1 + i * 0.08);
      g.fill(new Rectangle2D.Double(w * 0.76 - len / 2, y, len, Math.max(1.5, unit / 360)));
    }
  }

  private void river() {
    double top = h * 0.72;
    Path2D water = new Path2D.Double();
    water.moveTo(0, top);
    water.curveTo(w * 0.3, top - h * 0.03, w * 0.7, top + h * 0.04, w, top - h * 0.01);
    water.lineTo(w, top + h * 0.1);
    water.curveTo(w * 0.6, top + h * 0.12, w * 0.3, top + h * 0.08, 0, top + h * 0.11);
    water.closePath();
    g.setPaint(new GradientPaint(0, (float) top, blend(p.skyBottom(), p.light(), 0.3), 0, (float) (top + h * 0.1),
        blend(p.skyTop(), p.ground(), 0.4)));
    g.fill(water);
    g.setColor(withAlpha(p.light(), 90));
    for (int i = 0; i < 8; i++) {
      double x = random.nextDouble() * w;
      g.fill(new Rectangle2D.Double(x, top + h * (0.03 + random.nextDouble() * 0.05), unit * 0.06, Math.max(1.5, unit / 360)));
    }
  }

  private void peaks() {
    Color color = blend(p.silhouette(), p.skyBottom(), 0.45);
    int n = Math.max(2, (int) Math.round(4 * w / (unit * 16 / 9)));
    for (int i = 0; i < n; i++) {
      double cx = w * (i + 0.3 + random.nextDouble() * 0.4) / n;
      double peak = h * 0.62 - unit * (0.32 + random.nextDouble() * 0.16);
      double half = unit * 0.42;
      Path2D m = new Path2D.Double();
      m.moveTo(cx - half, h * 0.72);
      m.lineTo(cx - half * 0.3, peak + unit * 0.12);
      m.lineTo(cx, peak);
      m.lineTo(cx + half * 0.25, peak + unit * 0.08);
      m.lineTo(cx + half, h * 0.72);
      m.closePath();
      g.setColor(color);
      g.fill(m);
      Path2D snow = new Path2D.Double();
      snow.moveTo(cx - half * 0.19, peak + unit * 0.075);
      snow.lineTo(cx, peak);
      snow.lineTo(cx + half * 0.16, peak + unit * 0.055);
      snow.lineTo(cx + half * 0.02, peak + unit * 0.05);
      snow.closePath();
      g.setColor(withAlpha(p.light(), 170));
      g.fill(snow);
    }
  }

  private void hedge() {
    g.setColor(p.silhouette());
    double top = h * 0.76;
    for (double x = 0; x < w; x += unit * 0.03) {
      g.fill(new Rectangle2D.Double(x, top, unit * 0.012, h * 0.08));
    }
    g.fill(new Rectangle2D.Double(0, top + h * 0.02, w, unit * 0.01));
    g.fill(new Rectangle2D.Double(0, top + h * 0.055, w, unit * 0.01));
  }

  private void road() {
    Path2D road = new Path2D.Double();
    double horizonY = h * 0.64;
    road.moveTo(w * 0.3, h);
    road.curveTo(w * 0.35, h * 0.8, w * 0.7, h * 0.76, w * 0.56, horizonY);
    road.lineTo(w * 0.575, horizonY);
    road.curveTo(w * 0.8, h * 0.78, w * 0.62, h * 0.86, w * 0.78, h);
    road.closePath();
    g.setPaint(new GradientPaint(0, (float) horizonY, blend(p.skyBottom(), p.ground(), 0.5), 0, h,
        blend(p.light(), p.ground(), 0.55)));
    g.fill(road);
  }

  private void room(TimeOfDay time) {
    g.setPaint(new GradientPaint(0, 0, blend(p.ground(), p.window(), 0.3), 0, h, p.silhouette()));
    g.fillRect(0, 0, w, h);
    double floor = h * 0.8;
    wainscot(floor);
    g.setColor(blend(p.silhouette(), p.ground(), 0.3));
    g.fill(new Rectangle2D.Double(0, floor, w, h - floor));
    g.setColor(withAlpha(p.silhouette(), 120));
    g.setStroke(new BasicStroke((float) Math.max(1, unit / 400)));
    for (int i = 0; i < 4; i++) {
      g.draw(new Rectangle2D.Double(-1, floor + (h - floor) * i / 4.0, w + 2, 0));
    }
    rug(floor);
    beams(floor);
    double windowWidth = unit * 0.26;
    double windowHeight = unit * 0.32;
    double wx = w * 0.66 - windowWidth / 2;
    double wy = h * 0.2;
    Palette outside = Palette.of(time);
    g.setPaint(new GradientPaint(0, (float) wy, outside.skyTop(), 0, (float) (wy + windowHeight), outside.skyBottom()));
    g.fill(new Rectangle2D.Double(wx, wy, windowWidth, windowHeight));
    g.setColor(p.silhouette());
    g.fill(new Rectangle2D.Double(wx + windowWidth / 2 - unit * 0.006, wy, unit * 0.012, windowHeight));
    g.fill(new Rectangle2D.Double(wx, wy + windowHeight / 2 - unit * 0.006, windowWidth, unit * 0.012));
    g.setStroke(new BasicStroke((float) (unit * 0.018)));
    g.draw(new Rectangle2D.Double(wx, wy, windowWidth, windowHeight));
    double fx = w * 0.2;
    double fireHeight = unit * 0.46;
    g.setPaint(new RadialGradientPaint(new Point2D.Double(fx, floor - fireHeight * 0.25), (float) (unit * 0.5),
        new float[] {0f, 1f}, new Color[] {withAlpha(p.window(), 170), withAlpha(p.window(), 0)}, CycleMethod.NO_CYCLE));
    g.fill(new Rectangle2D.Double(0, 0, w, h));
    g.setColor(p.window());
    g.fill(new Ellipse2D.Double(fx - unit * 0.07, floor - fireHeight * 0.36, unit * 0.14, fireHeight * 0.3));
    icon("fireplace", fx, floor + unit * 0.01, fireHeight, p.silhouette(), false);
    table(w * 0.8, floor, unit * 0.2);
  }

  /** Panelling below a rail, darker than the wall above: the room has a near wall, not a flat fill. */
  private void wainscot(double floor) {
    double rail = h * 0.6;
    g.setColor(withAlpha(p.silhouette(), 90));
    g.fill(new Rectangle2D.Double(0, rail, w, floor - rail));
    g.setColor(withAlpha(p.silhouette(), 150));
    g.fill(new Rectangle2D.Double(0, rail - unit * 0.012, w, unit * 0.014));
    g.setStroke(new BasicStroke((float) Math.max(1, unit / 300)));
    double panel = unit * 0.16;
    for (double x = panel * 0.5; x < w; x += panel) {
      g.draw(new Rectangle2D.Double(x, rail + unit * 0.03, panel * 0.7, floor - rail - unit * 0.06));
    }
  }

  /** A rug in the lamplight's colour, muted, where the figures stand. */
  private void rug(double floor) {
    double depth = h - floor;
    g.setColor(withAlpha(blend(p.window(), p.silhouette(), 0.72), 170));
    g.fill(new Ellipse2D.Double(w * 0.28, floor - depth * 0.02, w * 0.44, depth * 0.6));
    g.setColor(withAlpha(blend(p.window(), p.silhouette(), 0.55), 150));
    g.setStroke(new BasicStroke((float) Math.max(1, unit / 250)));
    g.draw(new Ellipse2D.Double(w * 0.3, floor + depth * 0.05, w * 0.4, depth * 0.46));
  }

  /** A beam under the ceiling and a post at each side, framing the room like a stage. */
  private void beams(double floor) {
    double beam = h * 0.05;
    g.setColor(p.silhouette());
    g.fill(new Rectangle2D.Double(0, beam, w, unit * 0.035));
    for (double x : new double[] {w * 0.025, w * 0.975}) {
      g.fill(new Rectangle2D.Double(x - unit * 0.02, beam, unit * 0.04, floor - beam));
    }
  }

  private void table(double cx, double floor, double width) {
    g.setColor(p.silhouette());
    g.fill(new Rectangle2D.Double(cx - width / 2, floor - width * 0.5, width, width * 0.06));
    g.fill(new Rectangle2D.Double(cx - width * 0.42, floor - width * 0.5, width * 0.06, width * 0.5));
    g.fill(new Rectangle2D.Double(cx + width * 0.36, floor - width * 0.5, width * 0.06, width * 0.5));
    g.fill(new Ellipse2D.Double(cx - width * 0.12, floor - width * 0.72, width * 0.2, width * 0.24));
  }
}
