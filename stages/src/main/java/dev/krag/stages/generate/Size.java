package dev.krag.stages.generate;

import java.util.Comparator;
import java.util.List;

/** A picture's size in pixels. */
record Size(int width, int height) {

  /** The size whose aspect is closest to the frame's, by ratio (so 2:1 and 1:2 are as far from 1:1). */
  static Size nearestAspect(List<Size> sizes, int frameWidth, int frameHeight) {
    double frame = Math.log(frameWidth / (double) frameHeight);
    return sizes.stream()
        .min(Comparator.comparingDouble(s -> Math.abs(Math.log(s.width() / (double) s.height()) - frame)))
        .orElseThrow();
  }

  /** As providers write it: "1536x1024". */
  @Override
  public String toString() {
    return width + "x" + height;
  }
}
