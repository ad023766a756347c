package dev.krag.stages.parse;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** One way the story refers to someone, with everything merged into it so far. */
final class Entity {

  /** Whether a character is a woman, a man, or the story does not say. */
  enum Gender { FEMALE, MALE, UNKNOWN }

  final String name;
  final Set<String> aliases = new LinkedHashSet<>();
  final Modifiers modifiers = new Modifiers();
  /** Every role noun the story calls this character by: its gender comes from all of them. */
  final Set<String> nouns = new LinkedHashSet<>();
  /** Mentions by the narrator; a character only talked about may be imagined. */
  int count;
  /** The role noun it is named by, or null for a character known only by name. */
  String noun;
  /** Brought on by the narrator with "a"/"an" or a naming phrase: a new character entering, not a passing reference. */
  boolean introduced;

  Entity(String name) {
    this.name = name;
  }

  /** Known by a proper name rather than a role; "Mr Fox" is the fox with a title. */
  boolean isNamed() {
    return !name.startsWith("the ") && !name.startsWith("Mr ") && !name.startsWith("Mrs ");
  }

  /** Whether its role noun is one of these: never, for a character known only by name. */
  boolean nounIn(Set<String> words) {
    return noun != null && words.contains(noun);
  }

  void setNoun(String noun) {
    this.noun = noun;
    nouns.add(noun);
  }

  void absorb(Entity other) {
    aliases.add(other.name);
    aliases.addAll(other.aliases);
    modifiers.addAll(other.modifiers);
    nouns.addAll(other.nouns);
    count += other.count;
    if (noun == null) {
      noun = other.noun;
    }
    introduced |= other.introduced;
  }

  Gender gender() {
    boolean female = nouns.stream().anyMatch(Lexicon.FEMALE_NOUNS::contains);
    boolean male = nouns.stream().anyMatch(Lexicon.MALE_NOUNS::contains);
    return female == male ? Gender.UNKNOWN : female ? Gender.FEMALE : Gender.MALE;
  }

  /** Whether "he", "she" or another character's gender can refer to this one. */
  boolean agreesWith(Gender other) {
    Gender mine = gender();
    return mine == Gender.UNKNOWN || other == Gender.UNKNOWN || mine == other;
  }

  static Gender genderOf(String pronoun) {
    return switch (pronoun.toLowerCase(Locale.ROOT)) {
      case "she", "her" -> Gender.FEMALE;
      case "he", "him", "his" -> Gender.MALE;
      default -> Gender.UNKNOWN;
    };
  }

  String description() {
    String looks = modifiers.describe(noun == null ? "" : noun);
    return noun != null && name.startsWith("the ") ? looks : looks.isEmpty() ? name : name + ", " + looks;
  }
}
