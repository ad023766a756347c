package dev.krag.stages.generate;

import static dev.krag.stages.generate.Colors.withAlpha;

import dev.krag.schemas.Camera;
import dev.krag.schemas.Drawn;
import dev.krag.schemas.Rect;
import dev.krag.schemas.RenderManifest;
import dev.krag.schemas.ShotTask;
import dev.krag.schemas.StoryCharacter;
import dev.krag.stages.generate.FigurePainter.Sprite;
import dev.krag.stages.generate.Setting.Weather;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint.CycleMethod;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * Silhouette theatre drawn with Java2D: a {@link Backdrop} for the kind of place, the time of day
 * and the weather, and the shot's characters as cut-paper figures, each with its accent rim and
 * its name, facing each other across the stage.
 */
public final class SilhouetteIllustrator implements Illustrator {

  /** The manifest's kind for a drawn character. */
  public static final String CHARACTER = "character";

  /** The tallest figure's height against the frame's, by camera. */
  private static final double WIDE = 0.3;
  private static final double MEDIUM = 0.45;
  private static final double CLOSE_UP = 0.62;
  /**
   * Where the figures of a wide or medium shot stand, against the frame's height: high enough that
   * their feet stay above a caption of three lines even at the closest point of the shot's zoom.
   * A close-up is cut at the frame's foot, as a close-up is.
   */
  private static final double STAGE_LINE = 0.81;

  private final FigurePainter painter = new FigurePainter();

  @Override
  public String name() {
    return "java2d-silhouette-v4";
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
      Palette palette = Palette.of(setting.time(), setting.weather());
      // A shot sent back to be drawn again is composed afresh; without a hint, the same shot is the same picture.
      Random random = new Random(Objects.hash(task.getShot().getShotId(), task.getLocation().getId(), task.getRefinementHint()));
      new Backdrop(g, w, h, palette, random).paint(setting);
      drawn = paintCast(g, w, h, task, palette);
      paintWeather(g, w, h, setting.weather(), random);
      paintVignette(g, w, h);
    } finally {
      g.dispose();
    }
    Optional<Rect> subject = drawn.stream().map(Drawn::getBox).reduce(SilhouetteIllustrator::union);
    Motion.Window motion = Motion.of(task.getShot().getCamera(), subject, task.getShot().getIndex());
    return new Illustration(image, RenderManifest.newBuilder().setDrawn(drawn).setMotionStart(motion.start())
        .setMotionEnd(motion.end()).build());
  }

  /**
   * The figures side by side on the ground line, those on the left facing right and those on the
   * right facing left, shrunk together when they would not fit across the frame.
   */
  private List<Drawn> paintCast(Graphics2D g, int w, int h, ShotTask task, Palette palette) {
    List<StoryCharacter> cast = task.getCharacters();
    if (cast.isEmpty()) {
      return List.of();
    }
    List<Figure> figures = cast.stream().map(Figure::of).toList();
    Camera camera = task.getShot().getCamera();
    double tallest = figures.stream().mapToDouble(Figure::scale).max().orElse(1);
    double personHeight = h * switch (camera) {
      case WIDE -> WIDE;
      case MEDIUM -> MEDIUM;
      case CLOSE_UP -> CLOSE_UP;
    } / Math.max(tallest, 0.6);
    List<Sprite> sprites = sprites(figures, personHeight, palette);
    double gap = w * 0.04;
    double across = across(sprites, gap);
    if (across > w * 0.92) {
      personHeight *= w * 0.92 / across;
      sprites = sprites(figures, personHeight, palette);
      across = across(sprites, gap);
    }
    int groundY = (int) Math.round(h * (camera == Camera.CLOSE_UP ? 1.0 : STAGE_LINE));
    double left = (w - across) / 2;
    List<Drawn> drawn = new ArrayList<>();
    Rectangle2D previousLabel = new Rectangle2D.Double();
    for (int i = 0; i < sprites.size(); i++) {
      Sprite sprite = sprites.get(i);
      BufferedImage picture = sprite.image();
      boolean facingLeft = sprite.turnable() && sprites.size() > 1 && i >= (sprites.size() + 1) / 2;
      int x = (int) Math.round(left);
      int y = groundY - sprite.footY();
      if (facingLeft) {
        g.drawImage(picture, x + picture.getWidth(), y, -picture.getWidth(), picture.getHeight(), null);
      } else {
        g.drawImage(picture, x, y, null);
      }
      previousLabel = label(g, figures.get(i), x + picture.getWidth() / 2.0, y, Backdrop.unit(w, h), previousLabel);
      Rectangle2D box = new Rectangle2D.Double(x, y, picture.getWidth(), picture.getHeight())
          .createIntersection(new Rectangle2D.Double(0, 0, w, h));
      drawn.add(Drawn.newBuilder().setKind(CHARACTER).setId(cast.get(i).getId()).setLook(painter.look(figures.get(i)))
          .setBox(Rect.newBuilder().setX(box.getX() / w).setY(box.getY() / h).setWidth(box.getWidth() / w)
              .setHeight(box.getHeight() / h).build())
          .build());
      left += picture.getWidth() + gap;
    }
    return drawn;
  }

  private List<Sprite> sprites(List<Figure> figures, double personHeight, Palette palette) {
    return figures.stream().map(f -> painter.sprite(f, (int) Math.round(personHeight), palette.silhouette())).toList();
  }

  /** How wide the sprites stand side by side, with their gaps. */
  private static double across(List<Sprite> sprites, double gap) {
    return sprites.stream().mapToInt(s -> s.image().getWidth()).sum() + gap * (sprites.size() - 1);
  }

  /**
   * The character's name above its head, in its accent colour, so a viewer learns who is who; a
   * name that would run into its neighbour's is set a line higher. Gives back where it was set.
   */
  private static Rectangle2D label(Graphics2D g, Figure figure, double centreX, double top, double unit,
      Rectangle2D previous) {
    float size = (float) Math.max(14, unit * 0.032);
    g.setFont(Fonts.SEMIBOLD.deriveFont(size));
    FontMetrics metrics = g.getFontMetrics();
    String text = figure.name();
    double width = metrics.stringWidth(text);
    double x = centreX - width / 2.0;
    double y = Math.max(size * 1.4, top - size * 0.35);
    Rectangle2D here = new Rectangle2D.Double(x, y - size, width, size * 1.2);
    if (here.intersects(previous)) {
      y = previous.getY() - size * 0.25;
      here = new Rectangle2D.Double(x, y - size, width, size * 1.2);
    }
    g.setColor(new Color(0, 0, 0, 160));
    g.drawString(text, (float) x + size * 0.06f, (float) y + size * 0.06f);
    g.setColor(figure.accent().brighter());
    g.drawString(text, (float) x, (float) y);
    return here;
  }

  private static void paintWeather(Graphics2D g, int w, int h, Weather weather, Random random) {
    double unit = Backdrop.unit(w, h);
    switch (weather) {
      case RAIN, STORM -> {
        g.setColor(new Color(220, 225, 235, weather == Weather.STORM ? 110 : 80));
        g.setStroke(new BasicStroke((float) Math.max(1, unit / 500)));
        int drops = (int) (260 * (w * (double) h) / (1280 * 720));
        for (int i = 0; i < drops; i++) {
          double x = random.nextDouble() * (w + h * 0.2);
          double y = random.nextDouble() * h;
          double length = unit * (0.03 + random.nextDouble() * 0.03);
          g.draw(new Line2D.Double(x, y, x - length * 0.25, y + length));
        }
        if (weather == Weather.STORM) {
          bolt(g, w * (0.2 + random.nextDouble() * 0.3), h * 0.05, unit, random);
        }
      }
      case SNOW -> {
        g.setColor(new Color(255, 255, 255, 200));
        int flakes = (int) (220 * (w * (double) h) / (1280 * 720));
        for (int i = 0; i < flakes; i++) {
          double r = unit * (0.002 + random.nextDouble() * 0.004);
          g.fill(new Ellipse2D.Double(random.nextDouble() * w, random.nextDouble() * h, r * 2, r * 2));
        }
      }
      case FOG -> {
        for (int band = 0; band < 3; band++) {
          float cy = (float) (h * (0.6 + band * 0.12));
          g.setPaint(new RadialGradientPaint(new Point2D.Float(w / 2f, cy), w * 0.7f, new float[] {0f, 1f},
              new Color[] {new Color(220, 222, 226, 90), new Color(220, 222, 226, 0)}, CycleMethod.NO_CYCLE));
          g.fill(new Rectangle2D.Double(0, cy - h * 0.08, w, h * 0.16));
        }
      }
      case CLEAR -> { }
    }
  }

  private static void bolt(Graphics2D g, double x, double y, double unit, Random random) {
    Path2D bolt = new Path2D.Double();
    bolt.moveTo(x, y);
    for (int i = 0; i < 6; i++) {
      x += (random.nextDouble() - 0.4) * unit * 0.06;
      y += unit * 0.05;
      bolt.lineTo(x, y);
    }
    g.setColor(withAlpha(new Color(0xfffbe0), 210));
    g.setStroke(new BasicStroke((float) (unit * 0.005), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(bolt);
  }

  private static void paintVignette(Graphics2D g, int w, int h) {
    g.setPaint(new RadialGradientPaint(new Point2D.Float(w / 2f, h / 2f), Math.max(w, h) * 0.75f, new float[] {0.55f, 1f},
        new Color[] {new Color(0, 0, 0, 0), new Color(0, 0, 0, 150)}, CycleMethod.NO_CYCLE));
    g.fillRect(0, 0, w, h);
  }

  private static Rect union(Rect a, Rect b) {
    double x = Math.min(a.getX(), b.getX());
    double y = Math.min(a.getY(), b.getY());
    return Rect.newBuilder().setX(x).setY(y)
        .setWidth(Math.max(a.getX() + a.getWidth(), b.getX() + b.getWidth()) - x)
        .setHeight(Math.max(a.getY() + a.getHeight(), b.getY() + b.getHeight()) - y).build();
  }
}
