package dev.krag.stages.generate;

import java.awt.Color;

/** Mixing the palette's colours for distance haze and glows. */
final class Colors {

  private Colors() {}

  static Color withAlpha(Color c, int alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }

  /** {@code a} moved towards {@code b} by {@code t} (0 gives a, 1 gives b). */
  static Color blend(Color a, Color b, double t) {
    double u = Math.max(0, Math.min(1, t));
    return new Color(
        (int) Math.round(a.getRed() * (1 - u) + b.getRed() * u),
        (int) Math.round(a.getGreen() * (1 - u) + b.getGreen() * u),
        (int) Math.round(a.getBlue() * (1 - u) + b.getBlue() * u));
  }
}
