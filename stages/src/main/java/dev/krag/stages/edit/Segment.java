package dev.krag.stages.edit;

import dev.krag.schemas.Rect;
import java.awt.image.BufferedImage;
import java.util.List;

/** One stretch of the film: a still, its motion, its sound, its captions and the scene it is in. */
record Segment(BufferedImage still, Rect start, Rect end, int frames, short[] audio, List<Segment.Line> captions,
    String sceneId) {

  /** A caption shown from {@code frame} of its segment until the next one begins. */
  record Line(int frame, String text) {}
}
