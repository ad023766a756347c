package dev.krag.stages.edit;

import java.util.List;

/**
 * The film's frames in order: each still's slow pan and zoom with its caption over it, and a
 * crossfade into the next segment where the scene changes. Only the current still and the next
 * are held in I420 at a time.
 */
final class FrameComposer {

  private final List<Segment> film;
  private final int width;
  private final int height;
  private final int crossfade;
  private final KenBurns camera = new KenBurns();
  private final Yuv420 incoming;

  private int segment = -1;
  private int frame;
  private Yuv420 still;
  private Yuv420 next;
  private int fadeFrames;
  private CaptionOverlay caption;
  private int line;

  FrameComposer(List<Segment> film, int width, int height, int fps) {
    this.film = List.copyOf(film);
    this.width = width;
    this.height = height;
    this.crossfade = (int) Math.round(VideoEditor.CROSSFADE_SECONDS * fps);
    this.incoming = Yuv420.blank(width, height);
  }

  /** Composes the next frame into {@code out}; false once the film is over. */
  boolean next(Yuv420 out) {
    while (segment < 0 || frame == film.get(segment).frames()) {
      if (segment + 1 == film.size()) {
        return false;
      }
      enter(segment + 1);
    }
    Segment current = film.get(segment);
    if (line + 1 < current.captions().size() && frame >= current.captions().get(line + 1).frame()) {
      caption = CaptionOverlay.of(current.captions().get(++line).text(), width, height);
    }
    camera.render(still, current.start(), current.end(), current.frames() == 1 ? 0 : frame / (current.frames() - 1.0), out);
    if (caption != null) {
      caption.drawOn(out);
    }
    int intoFade = frame - (current.frames() - fadeFrames);
    if (intoFade >= 0) {
      mix(out, incoming, (intoFade + 1.0) / (fadeFrames + 1.0));
    }
    frame++;
    return true;
  }

  private void enter(int index) {
    segment = index;
    frame = 0;
    line = -1;
    caption = null;
    still = index == 0 ? Yuv420.of(film.getFirst().still()) : next;
    Segment current = film.get(index);
    Segment following = index + 1 < film.size() ? film.get(index + 1) : null;
    next = following == null ? null : Yuv420.of(following.still());
    boolean fades = following != null && !following.sceneId().equals(current.sceneId());
    fadeFrames = fades ? Math.min(crossfade, current.frames() / 3) : 0;
    if (fades) {
      camera.render(next, following.start(), following.end(), 0, incoming);
    }
  }

  /** Blends {@code other} over {@code frame} by {@code amount} (0 keeps the frame, 1 shows the other). */
  static void mix(Yuv420 frame, Yuv420 other, double amount) {
    int a = (int) Math.round(amount * 256);
    byte[] d = frame.data();
    byte[] o = other.data();
    for (int i = 0; i < d.length; i++) {
      int base = d[i] & 0xff;
      d[i] = (byte) (base + ((((o[i] & 0xff) - base) * a) >> 8));
    }
  }
}
