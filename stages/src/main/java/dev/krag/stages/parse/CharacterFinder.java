package dev.krag.stages.parse;

import dev.krag.schemas.StoryCharacter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the characters of a story the way a reader names them: by role ("the wood-cutter", "his
 * wife") and by name ("Hansel"), then merges the ways one character is referred to: a title and
 * its noun ("Mr Fox", the fox), a role and the name it is given ("the boy was called Hansel"),
 * roles of one family ("the wife", "the woman", "the stepmother"), a short name and its long form
 * ("Red-Cap", "Little Red-Cap").
 */
final class CharacterFinder {

  private static final Pattern ROLE = Pattern.compile(
      "\\b(the|a|an|his|her|their|my|our|your|this|that|two|three|four|five|six|seven|twelve)\\s+((?:[a-z][a-z-]*\\s+){0,2}?)("
          + String.join("|", Lexicon.CHARACTER_NOUNS) + ")\\b",
      Pattern.CASE_INSENSITIVE);
  /** Capitalised words, a pair of them, or a word in capitals (a name shouted: "RUMPLESTILTSKIN"). */
  private static final Pattern NAME = Pattern.compile(
      "\\b(?:Mr |Mrs )?(?:[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*(?: [A-Z][a-z]+(?:-[A-Z]?[a-z]+)*)?|[A-Z]{4,})\\b");
  /** "The boy was called Hansel and the girl Gretel", "a man named Heinrich". */
  private static final Pattern NAMING = Pattern.compile(
      "\\b[Tt]he ([a-z-]+) (?:was|is) (?:called|named) ([A-Z][a-z]+(?:-[A-Z]?[a-z]+)*)(?:,? and the ([a-z-]+) ([A-Z][a-z]+))?");
  /** "my name is X", "X is my name", "whose name was X": a name however it is placed in the sentence. */
  private static final Pattern SELF_NAMING = Pattern.compile(
      "(?i:my name is|whose name was|is called|was called|named) ([A-Z][A-Za-z-]+)|([A-Z][A-Za-z-]+) is my name");

  /** A way the story refers to someone, with how often, before merging. */
  private static final class Entity {
    final String name;
    final Set<String> aliases = new LinkedHashSet<>();
    final Modifiers modifiers = new Modifiers();
    int count;
    String noun;
    /** Brought on with "a"/"an": a new character entering, not a reference to a known one. */
    boolean introduced;

    Entity(String name) {
      this.name = name;
    }

    void absorb(Entity other) {
      aliases.add(other.name);
      aliases.addAll(other.aliases);
      modifiers.addAll(other.modifiers);
      count += other.count;
      if (noun == null) {
        noun = other.noun;
      }
      introduced |= other.introduced;
    }

    String description() {
      String looks = modifiers.describe(noun == null ? "" : noun);
      return noun != null && name.startsWith("the ") ? looks : looks.isEmpty() ? name : name + ", " + looks;
    }
  }

  /**
   * A character is someone the story comes back to, or brings on stage ("came a hunter"); a role
   * named once with "the" is mostly a figure of speech ("where the fox and the hare say good night").
   */
  static final int MIN_MENTIONS = 2;

  private CharacterFinder() {}

  static List<StoryCharacter> find(String text) {
    Map<String, Entity> entities = new LinkedHashMap<>();
    roles(text, entities);
    names(text, entities);
    mergeTitles(entities);
    mergeNamings(text, entities);
    mergeRoleFamilies(entities);
    mergeShortNames(entities);
    List<StoryCharacter> found = new ArrayList<>();
    for (Entity e : entities.values()) {
      if (e.count < MIN_MENTIONS && !e.introduced) {
        continue;
      }
      found.add(StoryCharacter.newBuilder()
          .setId(Ids.of("char", e.name.startsWith("the ") ? e.name.substring(4) : e.name))
          .setName(e.name)
          .setAliases(List.copyOf(e.aliases))
          .setDescription(e.description())
          .build());
    }
    found.sort(Comparator.comparingInt(c -> CharacterMatcher.of(c).firstMention(text)));
    return found;
  }

  private static void roles(String text, Map<String, Entity> entities) {
    Matcher m = ROLE.matcher(text);
    while (m.find()) {
      String noun = m.group(3).toLowerCase(Locale.ROOT);
      Entity e = entities.computeIfAbsent("the " + noun, Entity::new);
      e.noun = noun;
      e.count++;
      e.introduced |= m.group(1).equalsIgnoreCase("a") || m.group(1).equalsIgnoreCase("an");
      e.modifiers.add(m.group(2));
    }
  }

  /**
   * Names: capitalised mid-sentence at least once and never written in lower case, or introduced
   * by a naming phrase; each at least twice or named by such a phrase.
   */
  private static void names(String text, Map<String, Entity> entities) {
    Set<String> introduced = new LinkedHashSet<>();
    Matcher naming = SELF_NAMING.matcher(text);
    while (naming.find()) {
      introduced.add(canonical(naming.group(1) != null ? naming.group(1) : naming.group(2)));
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    Matcher m = NAME.matcher(text);
    while (m.find()) {
      String name = m.group();
      int start = m.start();
      String first = name.split(" ")[0];
      if (Lexicon.NOT_NAMES.contains(first) && !first.startsWith("Mr") && name.contains(" ")) {
        name = name.substring(first.length() + 1); // "Then Anna": the name is the second word
        start += first.length() + 1;
      }
      name = canonical(name);
      boolean plausible = name.length() >= 3 && !Lexicon.NOT_NAMES.contains(name) && !writtenInLowerCase(text, name);
      if (plausible && (midSentence(text, start) || introduced.contains(name))) {
        counts.merge(name, 1, Integer::sum);
      }
    }
    counts.forEach((name, seen) -> {
      if (introduced.contains(name) || occurrences(text, name) >= 2) {
        Entity e = entities.computeIfAbsent(name, Entity::new);
        e.count += occurrences(text, name);
      }
    });
  }

  /** "Mr Fox" is the fox. */
  private static void mergeTitles(Map<String, Entity> entities) {
    for (String name : List.copyOf(entities.keySet())) {
      if (name.startsWith("Mr ") || name.startsWith("Mrs ")) {
        String noun = name.substring(name.indexOf(' ') + 1).toLowerCase(Locale.ROOT);
        Entity role = entities.get("the " + noun);
        if (role != null) {
          role.absorb(entities.remove(name));
        }
      }
    }
  }

  /** "The boy was called Hansel": the boy is Hansel. */
  private static void mergeNamings(String text, Map<String, Entity> entities) {
    Matcher m = NAMING.matcher(text);
    while (m.find()) {
      mergeInto(entities, canonical(m.group(2)), "the " + m.group(1).toLowerCase(Locale.ROOT));
      if (m.group(3) != null) {
        mergeInto(entities, canonical(m.group(4)), "the " + m.group(3).toLowerCase(Locale.ROOT));
      }
    }
  }

  /** Roles of one family name one person in a tale; the most mentioned role keeps the name. */
  private static void mergeRoleFamilies(Map<String, Entity> entities) {
    for (Set<String> family : Lexicon.ROLE_FAMILIES) {
      List<Entity> members = entities.values().stream().filter(e -> e.noun != null && family.contains(e.noun))
          .sorted(Comparator.comparingInt((Entity e) -> e.count).reversed()).toList();
      for (Entity member : members.subList(Math.min(1, members.size()), members.size())) {
        mergeInto(entities, members.getFirst().name, member.name);
      }
    }
  }

  /** "Red-Cap" is "Little Red-Cap". */
  private static void mergeShortNames(Map<String, Entity> entities) {
    for (String shorter : List.copyOf(entities.keySet())) {
      entities.keySet().stream()
          .filter(longer -> !longer.equals(shorter) && !shorter.startsWith("the ") && longer.endsWith(" " + shorter))
          .findFirst()
          .ifPresent(longer -> mergeInto(entities, longer, shorter));
    }
  }

  private static void mergeInto(Map<String, Entity> entities, String keep, String merged) {
    Entity target = entities.get(keep);
    Entity source = entities.get(merged);
    if (target != null && source != null && target != source) {
      target.absorb(entities.remove(merged));
    }
  }

  /** Names shouted in capitals are the same names: "RUMPLESTILTSKIN" is "Rumplestiltskin". */
  private static String canonical(String name) {
    if (name.length() >= 4 && name.equals(name.toUpperCase(Locale.ROOT))) {
      return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }
    return name;
  }

  private static boolean writtenInLowerCase(String text, String name) {
    return Pattern.compile("\\b" + Pattern.quote(name.toLowerCase(Locale.ROOT)) + "\\b").matcher(text).find();
  }

  private static boolean midSentence(String text, int at) {
    int i = at - 1;
    while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\n' || text.charAt(i) == '\'' || text.charAt(i) == '"')) {
      i--;
    }
    return i >= 0 && ".!?:".indexOf(text.charAt(i)) < 0;
  }

  private static int occurrences(String text, String name) {
    Matcher m = Pattern.compile("\\b" + Pattern.quote(name) + "\\b", Pattern.CASE_INSENSITIVE).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
