package dev.krag.stages.parse;

import dev.krag.schemas.StoryCharacter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds a character's mentions in text by its head noun or any of its aliases. */
public final class CharacterMatcher {

  private final Pattern pattern;

  private CharacterMatcher(Pattern pattern) {
    this.pattern = pattern;
  }

  public static CharacterMatcher of(StoryCharacter character) {
    List<String> terms = new ArrayList<>();
    terms.add(term(character.getName()));
    character.getAliases().forEach(alias -> terms.add(term(alias)));
    String alternatives = String.join("|", terms.stream().map(t -> Pattern.quote(t.toLowerCase(Locale.ROOT))).toList());
    // Not inside a hyphenated word: "mouse-hunter" is no mention of the hunter.
    return new CharacterMatcher(Pattern.compile("(?<![\\w-])(?:" + alternatives + ")(?![\\w-])", Pattern.CASE_INSENSITIVE));
  }

  /** A role is found by its noun ("the old wood-cutter" or "a wood-cutter" by "wood-cutter"), a name as it is. */
  private static String term(String name) {
    return name.matches("(?i)(the|a|an) .*") ? name.substring(name.lastIndexOf(' ') + 1) : name;
  }

  public boolean mentionedIn(String text) {
    return pattern.matcher(text).find();
  }

  /** Offset of the first mention, or {@link Integer#MAX_VALUE} if there is none. */
  public int firstMention(String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? m.start() : Integer.MAX_VALUE;
  }
}
