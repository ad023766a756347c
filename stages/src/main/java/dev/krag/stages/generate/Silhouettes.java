package dev.krag.stages.generate;

import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.batik.parser.AWTPathProducer;

/**
 * Cut-paper shapes from the game-icons set (game-icons.net, CC BY 3.0; see
 * {@code resources/silhouettes/README.md}), read once from the classpath. Each shape is scaled to
 * a height of 1 and stands on the ground at y = 0 with its middle at x = 0, so the painters place
 * every shape the same way.
 */
final class Silhouettes {

  /** A shape of unit height standing on y = 0; {@code facesRight} false means it faces the viewer. */
  record Silhouette(String name, Shape shape, boolean facesRight) {

    /** Width over height. */
    double aspect() {
      return shape.getBounds2D().getWidth();
    }
  }

  private static final String RESOURCE = "/silhouettes/game-icons.tsv";
  private static final Map<String, Silhouette> ALL = load();

  private Silhouettes() {}

  static Silhouette get(String name) {
    Silhouette silhouette = ALL.get(name);
    if (silhouette == null) {
      throw new IllegalArgumentException("no silhouette named " + name + " in " + RESOURCE);
    }
    return silhouette;
  }

  private static Map<String, Silhouette> load() {
    Map<String, Silhouette> shapes = new HashMap<>();
    try (InputStream in = Silhouettes.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("silhouettes missing from the classpath: " + RESOURCE);
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.split("\t", 3);
        shapes.put(fields[0], new Silhouette(fields[0], standing(fields[2]), fields[1].equals("right")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(shapes);
  }

  private static Shape standing(String pathData) {
    try {
      Shape raw = AWTPathProducer.createShape(new StringReader(pathData), Path2D.WIND_NON_ZERO);
      Rectangle2D bounds = raw.getBounds2D();
      AffineTransform toUnit = AffineTransform.getScaleInstance(1 / bounds.getHeight(), 1 / bounds.getHeight());
      toUnit.translate(-bounds.getCenterX(), -bounds.getMaxY());
      return new Path2D.Double(raw, toUnit);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
