package dev.krag.stages.generate;

import dev.krag.schemas.Camera;
import dev.krag.schemas.Rect;
import java.util.Optional;

/**
 * The Ken Burns move of a shot: a window that drifts and closes in on the subject (the box around
 * the drawn characters) over the shot's time. Wide shots open out from the subject so a place is
 * revealed; closer shots push in towards it. Zooms stay small, because a still enlarged by more
 * than about a fifth starts to look soft.
 */
final class Motion {

  record Window(Rect start, Rect end) {}

  private Motion() {}

  static Window of(Camera camera, Optional<Rect> subject, int shotIndex) {
    double cx = subject.map(r -> r.getX() + r.getWidth() / 2).orElse(shotIndex % 2 == 0 ? 0.45 : 0.55);
    double cy = subject.map(r -> r.getY() + r.getHeight() / 2).orElse(0.5);
    return switch (camera) {
      case WIDE -> new Window(window(1.10, cx, cy), window(1.0, 0.5, 0.5));
      case MEDIUM -> new Window(window(1.02, 0.5, 0.5), window(1.12, cx, cy));
      case CLOSE_UP -> new Window(window(1.08, cx, cy), window(1.18, cx, cy - 0.03));
    };
  }

  /** The window that enlarges the frame by {@code zoom}, centred as near (cx, cy) as the frame allows. */
  static Rect window(double zoom, double cx, double cy) {
    double size = 1 / zoom;
    double x = Math.clamp(cx - size / 2, 0, 1 - size);
    double y = Math.clamp(cy - size / 2, 0, 1 - size);
    return Rect.newBuilder().setX(x).setY(y).setWidth(size).setHeight(size).build();
  }
}
