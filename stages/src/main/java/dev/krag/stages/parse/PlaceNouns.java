package dev.krag.stages.parse;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The nouns that name a place in one story: the lexicon's, and any noun a character goes to,
 * into or through ("came to a great marsh", "carried it off to their den"), or lives, lies or hides
 * in ("lay awake in the loft"). The verb says it is a place though no word list does.
 */
final class PlaceNouns {

  /** Verbs that take someone somewhere or keep them there; the place follows a spatial preposition. */
  private static final String MOTION = "came|come|went|go|ran|walked|rowed|climbed|crept|flew|returned|travelled"
      + "|hurried|led|carried|took|brought|set off|reached|lay|slept|sleep|lived|hid|fled|stepped|sailed|rode";
  private static final Pattern GOES_TO = Pattern.compile(
      "\\b(?:" + MOTION + ")\\b(?:\\s+(?!(?:to|into|through|across|over|along|in)\\b)[a-z]+){0,3}?"
          + "\\s+(?:to|into|through|across|over|along|in)\\s+(?:the|a|an|his|her|their|our|my)\\s+"
          + "(?:[a-z][a-z'’-]*\\s+){0,2}?([a-z][a-z-]*)(?=\\s*[,.;:!?]|\\s+(?:and|to|where|with|in|of|at|on|by|for|that|which|before|until|again|himself|herself|themselves)\\b)");

  private PlaceNouns() {}

  /** The nouns beyond the lexicon's that this story takes its characters to. */
  static Set<String> discovered(String text, RoleNouns characters) {
    Set<String> nouns = new LinkedHashSet<>();
    Matcher m = GOES_TO.matcher(text);
    while (m.find()) {
      String noun = m.group(1).toLowerCase(Locale.ROOT);
      if (!Lexicon.LOCATION_NOUNS.contains(noun) && !characters.contains(noun) && !Lexicon.FUNCTION_WORDS.contains(noun) && !Lexicon.NOT_PLACES.contains(noun)) {
        nouns.add(noun);
      }
    }
    return nouns;
  }
}
