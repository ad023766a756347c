package dev.krag.deploy;

import java.util.HashMap;
import java.util.Map;

/**
 * The frame of the runs whose subject is not the picture (services, bills, the API): the editor's
 * work grows with pixels times frames, and these tests check what the run writes and counts, which
 * the frame's size does not change. The film as users get it is tested at the defaults.
 */
public final class SmallFilm {

  public static final Map<String, String> SETTINGS = Map.of("KRAG_WIDTH", "640", "KRAG_HEIGHT", "360", "KRAG_FPS", "12");

  private SmallFilm() {}

  /** {@code settings} with the small frame added. */
  public static Map<String, String> with(Map<String, String> settings) {
    Map<String, String> all = new HashMap<>(settings);
    all.putAll(SETTINGS);
    return all;
  }
}
