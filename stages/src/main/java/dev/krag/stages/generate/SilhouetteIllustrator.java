package dev.krag.stages.generate;

import dev.krag.schemas.Camera;
import dev.krag.schemas.Drawn;
import dev.krag.schemas.Rect;
import dev.krag.schemas.RenderManifest;
import dev.krag.schemas.ShotTask;
import dev.krag.schemas.StoryCharacter;
import dev.krag.stages.generate.Setting.TimeOfDay;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint.CycleMethod;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Silhouette theatre drawn with Java2D: a sky for the time of day, hills fading with distance, the
 * place's landmarks and the shot's characters as cut-paper figures, each with its accent colour.
 */
public final class SilhouetteIllustrator implements Illustrator {

  /** The manifest's kind for a drawn character. */
  public static final String CHARACTER = "character";

  private final FigurePainter figures = new FigurePainter();

  @Override
  public String name() {
    return "java2d-silhouette-v2";
  }

  @Override
  public Illustration draw(ShotTask task) {
    int w = task.getConfig().getWidth();
    int h = task.getConfig().getHeight();
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = image.createGraphics();
    List<Drawn> drawn;
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      Setting setting = Setting.of(task);
      Palette palette = Palette.of(setting.time());
      Random random = new Random(task.getShot().getShotId().hashCode() * 31L + task.getLocation().getId().hashCode());
      paintSky(g, w, h, palette, setting.time(), random);
      paintHills(g, w, h, palette, random);
      Landmarks.paint(g, w, h, setting, palette, random);
      drawn = paintCast(g, w, h, task, palette);
      paintVignette(g, w, h);
    } finally {
      g.dispose();
    }
    Optional<Rect> subject = drawn.stream().map(Drawn::getBox).reduce(SilhouetteIllustrator::union);
    Motion.Window motion = Motion.of(task.getShot().getCamera(), subject, task.getShot().getIndex());
    return new Illustration(image, RenderManifest.newBuilder().setDrawn(drawn).setMotionStart(motion.start())
        .setMotionEnd(motion.end()).build());
  }

  private static void paintSky(Graphics2D g, int w, int h, Palette p, TimeOfDay time, Random random) {
    g.setPaint(new GradientPaint(0, 0, p.skyTop(), 0, h * 0.7f, p.skyBottom()));
    g.fillRect(0, 0, w, h);
    if (time == TimeOfDay.NIGHT) {
      g.setColor(new Color(255, 255, 240, 200));
      for (int i = 0; i < 140; i++) {
        double r = 0.6 + random.nextDouble() * 1.4;
        g.fill(new Ellipse2D.Double(random.nextDouble() * w, random.nextDouble() * h * 0.55, r * 2, r * 2));
      }
    }
    float cx = w * 0.76f;
    float cy = h * (time == TimeOfDay.DUSK ? 0.45f : 0.2f);
    float glow = h * 0.28f;
    g.setPaint(new RadialGradientPaint(new Point2D.Float(cx, cy), glow, new float[] {0f, 0.25f, 1f},
        new Color[] {withAlpha(p.light(), 160), withAlpha(p.light(), 60), withAlpha(p.light(), 0)}, CycleMethod.NO_CYCLE));
    g.fill(new Ellipse2D.Float(cx - glow, cy - glow, glow * 2, glow * 2));
    float disc = h * 0.055f;
    g.setColor(p.light());
    g.fill(new Ellipse2D.Float(cx - disc, cy - disc, disc * 2, disc * 2));
    if (time == TimeOfDay.NIGHT) {
      g.setColor(p.skyTop().brighter());
      g.fill(new Ellipse2D.Float(cx - disc * 0.55f, cy - disc * 1.05f, disc * 1.9f, disc * 1.9f));
    }
  }

  private static void paintHills(Graphics2D g, int w, int h, Palette p, Random random) {
    for (int layer = 0; layer < 3; layer++) {
      double base = h * (0.52 + layer * 0.1);
      double amplitude = h * (0.06 - layer * 0.012);
      double phase = random.nextDouble() * Math.PI * 2;
      Path2D hill = new Path2D.Double();
      hill.moveTo(0, h);
      for (int x = 0; x <= w; x += 8) {
        double y = base - amplitude * (Math.sin(x / (w * 0.18) + phase) * 0.6 + Math.sin(x / (w * 0.07) + phase * 2) * 0.25);
        hill.lineTo(x, y);
      }
      hill.lineTo(w, h);
      hill.closePath();
      g.setColor(blend(p.ground(), p.skyBottom(), 0.55 - layer * 0.22));
      g.fill(hill);
    }
  }

  private List<Drawn> paintCast(Graphics2D g, int w, int h, ShotTask task, Palette palette) {
    List<StoryCharacter> cast = task.getCharacters();
    List<Drawn> drawn = new ArrayList<>();
    Camera camera = task.getShot().getCamera();
    double height = h * switch (camera) {
      case WIDE -> 0.26;
      case MEDIUM -> 0.42;
      case CLOSE_UP -> 0.62;
    };
    double groundY = h * (camera == Camera.CLOSE_UP ? 1.02 : 0.86);
    for (int i = 0; i < cast.size(); i++) {
      double x = w * (i + 1.0) / (cast.size() + 1.0);
      Figure figure = Figure.of(cast.get(i));
      Rectangle2D box = figures.paint(g, figure, x, groundY, height, palette.silhouette(), i % 2 == 1)
          .createIntersection(new Rectangle2D.Double(0, 0, w, h));
      drawn.add(Drawn.newBuilder().setKind(CHARACTER).setId(cast.get(i).getId()).setLook(figures.look(figure))
          .setBox(Rect.newBuilder().setX(box.getX() / w).setY(box.getY() / h).setWidth(box.getWidth() / w)
              .setHeight(box.getHeight() / h).build())
          .build());
    }
    return drawn;
  }

  private static Rect union(Rect a, Rect b) {
    double x = Math.min(a.getX(), b.getX());
    double y = Math.min(a.getY(), b.getY());
    return Rect.newBuilder().setX(x).setY(y)
        .setWidth(Math.max(a.getX() + a.getWidth(), b.getX() + b.getWidth()) - x)
        .setHeight(Math.max(a.getY() + a.getHeight(), b.getY() + b.getHeight()) - y).build();
  }

  private static void paintVignette(Graphics2D g, int w, int h) {
    g.setPaint(new RadialGradientPaint(new Point2D.Float(w / 2f, h / 2f), w * 0.75f, new float[] {0.55f, 1f},
        new Color[] {new Color(0, 0, 0, 0), new Color(0, 0, 0, 150)}, CycleMethod.NO_CYCLE));
    g.fillRect(0, 0, w, h);
  }

  static Color withAlpha(Color c, int alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }

  static Color blend(Color a, Color b, double t) {
    double u = Math.max(0, Math.min(1, t));
    return new Color(
        (int) Math.round(a.getRed() * (1 - u) + b.getRed() * u),
        (int) Math.round(a.getGreen() * (1 - u) + b.getGreen() * u),
        (int) Math.round(a.getBlue() * (1 - u) + b.getBlue() * u));
  }
}
