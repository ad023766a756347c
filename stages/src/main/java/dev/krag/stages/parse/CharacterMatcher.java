package dev.krag.stages.parse;

import dev.krag.schemas.StoryCharacter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a character's mentions in text by its head noun or any of its aliases. Where two of a
 * cast share a head noun ("the woman" and "the old woman"), the one with more words is found only
 * by all of them, and the other nowhere those words come before the noun: the stepmother is not
 * cast where only the witch is named.
 */
public final class CharacterMatcher {

  private final Pattern pattern;

  private CharacterMatcher(Pattern pattern) {
    this.pattern = pattern;
  }

  /** A matcher for a character alone, with no castmate to tell it from. */
  public static CharacterMatcher of(StoryCharacter character) {
    return of(character, List.of(character));
  }

  /** A matcher for a character among its cast. */
  public static CharacterMatcher of(StoryCharacter character, Collection<StoryCharacter> cast) {
    List<String> terms = new ArrayList<>();
    for (String name : names(character)) {
      terms.add(term(name, character, cast));
    }
    String alternatives = String.join("|", terms);
    // Not inside a hyphenated word: "mouse-hunter" is no mention of the hunter.
    return new CharacterMatcher(Pattern.compile("(?<![\\w-])(?:" + alternatives + ")(?![\\w-])", Pattern.CASE_INSENSITIVE));
  }

  private static List<String> names(StoryCharacter character) {
    List<String> names = new ArrayList<>();
    names.add(character.getName());
    names.addAll(character.getAliases());
    return names;
  }

  /**
   * A role is found by its noun ("the old wood-cutter" or "a wood-cutter" by "wood-cutter"), a name
   * as it is; a role whose noun a castmate's longer role shares is found by its words, and a
   * shorter one not where the longer one's words come first.
   */
  private static String term(String name, StoryCharacter character, Collection<StoryCharacter> cast) {
    if (!isRole(name)) {
      return Pattern.quote(lower(name));
    }
    String words = lower(name.substring(name.indexOf(' ') + 1));
    String noun = noun(name);
    List<String> longer = new ArrayList<>();
    boolean sharesItsNoun = false;
    for (StoryCharacter other : cast) {
      if (other.getId().equals(character.getId())) {
        continue;
      }
      for (String otherName : names(other)) {
        if (isRole(otherName) && noun(otherName).equals(noun)) {
          sharesItsNoun = true;
          String otherWords = lower(otherName.substring(otherName.indexOf(' ') + 1));
          if (otherWords.length() > words.length() && otherWords.endsWith(" " + words)) {
            longer.add(otherWords.substring(0, otherWords.length() - words.length()));
          }
        }
      }
    }
    if (sharesItsNoun && words.contains(" ")) {
      return Pattern.quote(words);
    }
    String notAfter = longer.stream().map(prefix -> "(?<!" + Pattern.quote(prefix) + ")").reduce("", String::concat);
    return notAfter + Pattern.quote(noun);
  }

  private static boolean isRole(String name) {
    return name.matches("(?i)(the|a|an) .*");
  }

  private static String noun(String role) {
    return lower(role.substring(role.lastIndexOf(' ') + 1));
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
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
