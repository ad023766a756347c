package dev.krag.stages.parse;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The nouns that name a character in one story: the lexicon's, each also in the plural (a group:
 * "twelve soldiers"), the members of a collective ("a flock of gulls") and whatever the story makes
 * an agent ({@link Agency}).
 */
final class RoleNouns {

  /** The lexicon's nouns and their plurals, as regex alternatives; "old woman" may be broken across lines. */
  static final String LEXICON = alternatives(withPlurals(Lexicon.CHARACTER_NOUNS));

  /** "a flock of gulls", "a band of robbers": the plural after a collective is a group of beings. */
  private static final Pattern COLLECTIVE = Pattern.compile(
      "\\b(?:a|the)\\s+(?:flock|herd|pack|swarm|troop|band|crowd|host|company|gang)\\s+of\\s+([a-z]+s)\\b",
      Pattern.CASE_INSENSITIVE);

  private final Set<String> nouns;
  private final Set<String> groups;

  private RoleNouns(Set<String> nouns, Set<String> groups) {
    this.nouns = nouns;
    this.groups = groups;
  }

  static RoleNouns of(String text) {
    Set<String> groups = new LinkedHashSet<>();
    Matcher m = COLLECTIVE.matcher(text);
    while (m.find()) {
      groups.add(m.group(1).toLowerCase(Locale.ROOT));
    }
    Set<String> nouns = withPlurals(Lexicon.CHARACTER_NOUNS);
    nouns.addAll(groups);
    nouns.addAll(Agency.nouns(text));
    return new RoleNouns(nouns, groups);
  }

  /** The nouns as regex alternatives. */
  String alternatives() {
    return alternatives(nouns);
  }

  boolean contains(String noun) {
    return nouns.contains(noun);
  }

  /** The plural nouns the story brings on as a collective: each a group character. */
  Set<String> groups() {
    return groups;
  }

  /** Longest first, so that "old woman" is tried before "woman". */
  private static String alternatives(Set<String> nouns) {
    return String.join("|", nouns.stream().sorted((a, b) -> b.length() - a.length()).toList()).replace(" ", "\\s+");
  }

  private static Set<String> withPlurals(Set<String> singulars) {
    Set<String> all = new LinkedHashSet<>(singulars);
    singulars.forEach(noun -> all.add(plural(noun)));
    return all;
  }

  /** The regular English plural, and "-man" to "-men"; irregular ones are in the lexicon. */
  static String plural(String noun) {
    if (noun.endsWith("man")) {
      return noun.substring(0, noun.length() - 3) + "men";
    }
    if (noun.matches(".*(?:s|x|ch|sh)")) {
      return noun + "es";
    }
    if (noun.matches(".*[^aeiou]y")) {
      return noun.substring(0, noun.length() - 1) + "ies";
    }
    if (noun.endsWith("f")) {
      return noun.substring(0, noun.length() - 1) + "ves";
    }
    return noun + "s";
  }
}
