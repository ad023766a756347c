package dev.krag.stages.parse;

import java.util.Locale;

/** Readable ids derived from names, stable for the same story. */
public final class Ids {

  /** The location of scenes in a story that names no place. */
  public static final String UNKNOWN_LOCATION = "loc-once-upon-a-time";

  private Ids() {}

  public static String of(String prefix, String name) {
    String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return prefix + "-" + slug;
  }
}
