package dev.krag.stages.parse;

import dev.krag.schemas.StoryCharacter;
import dev.krag.stages.text.Quotes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the characters of a story the way a reader names them: by role ("the wood-cutter", "his
 * wife") and by name ("Hansel"), has {@link Coreference} and {@link RoleMerges} merge the ways one
 * character is referred to, and keeps those the story brings on stage.
 */
final class CharacterFinder {

  private static final String NUMBERS = "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";
  /** "the wolf", "his wife", "twelve soldiers"; a noun that ends a compound ("beggar-woman") is not its head. */
  private static final String ROLE = "\\b(the|a|an|his|her|their|my|our|your|this|that|" + NUMBERS
      + ")\\s+((?:[a-z][a-z-]*\\s+){0,2}?)(%s)(?![\\w-])";
  /** "the miller's daughter" is the daughter (and, in passing, the miller). */
  private static final String POSSESSED = "\\b[a-z][a-z-]*'s\\s+((?:[a-z][a-z-]*\\s+){0,2}?)(%s)(?![\\w-])";
  /** "one of the messengers": the member acts alone, so both it and its group are characters. */
  private static final String ONE_OF = "\\bone of (?:the|his|her|their) (%s)\\b";
  /** Capitalised words, a pair of them, or a word in capitals (a name shouted: "RUMPLESTILTSKIN"). */
  private static final Pattern NAME = Pattern.compile(
      "\\b(?:Mr |Mrs )?(?:[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*(?: [A-Z][a-z]+(?:-[A-Z]?[a-z]+)*)?|[A-Z]{4,})\\b");
  /** "my name is X", "X is my name", "whose name was X": a name however it is placed in the sentence. */
  private static final Pattern SELF_NAMING = Pattern.compile(
      "(?i:my name is|whose name was|is called|was called|named) ([A-Z][A-Za-z-]+)|([A-Z][A-Za-z-]+) is my name");
  private static final Pattern WORD_BEFORE = Pattern.compile("([A-Za-z]+)\\W*$");
  /** "like a tailor at his wedding", "as a bridge": a comparison, nobody in the story. */
  private static final Set<String> COMPARISONS = Set.of("like", "as");
  /** "when a child fell into her power": anyone who might, not someone who does. */
  private static final Set<String> HYPOTHETICALS = Set.of("when", "if", "whenever");
  /**
   * "a coach with eight horses", "everything except a child", "gave her to him for a wife": what
   * someone has, lacks or is taken as, not someone who takes part; such a mention does not count.
   */
  private static final Set<String> PLACE_PREPOSITIONS = Set.of("in", "at", "from", "of", "near", "into", "towards");
  private static final Set<String> ATTRIBUTES = Set.of("with", "without", "except", "for");

  /**
   * A character is someone the narrator comes back to, or brings on stage ("came a hunter"); a
   * role named once with "the" is mostly a figure of speech ("where the fox and the hare say good
   * night"), and one only talked about may be imagined ("my little white cat").
   */
  static final int MIN_MENTIONS = 2;

  private CharacterFinder() {}

  static List<StoryCharacter> find(String text) {
    Quotes quotes = Quotes.in(text);
    Cast cast = new Cast();
    RoleNouns nouns = RoleNouns.of(text);
    roles(text, quotes, nouns, cast);
    possessedRoles(text, quotes, nouns, cast);
    membersOfGroups(text, quotes, nouns, cast);
    collectives(nouns, cast);
    names(text, quotes, cast);
    Coreference.resolve(text, quotes, cast);
    RoleMerges.apply(cast);
    List<StoryCharacter> found = new ArrayList<>();
    for (Entity e : onStage(text, cast.all())) {
      found.add(StoryCharacter.newBuilder()
          .setId(Ids.of("char", e.name.startsWith("the ") ? e.name.substring(4) : e.name))
          .setName(e.name)
          .setAliases(List.copyOf(e.aliases))
          .setDescription(e.description())
          .build());
    }
    Map<String, Integer> firstMention = new HashMap<>();
    found.forEach(c -> firstMention.put(c.getId(), CharacterMatcher.of(c, found).firstMention(text)));
    found.sort(Comparator.comparingInt(c -> firstMention.get(c.getId())));
    return found;
  }

  private static List<Entity> onStage(String text, Collection<Entity> entities) {
    return entities.stream()
        .filter(e -> e.count >= MIN_MENTIONS || e.introduced)
        .filter(e -> !e.nounIn(Lexicon.SIBLING_GROUPS) || !hasNamedPair(text, entities))
        .toList();
  }

  /**
   * Whether two named characters go about as a pair ("Hansel and Gretel"): then "the children" are
   * those two, no third character.
   */
  private static boolean hasNamedPair(String text, Collection<Entity> entities) {
    List<String> names = entities.stream().filter(Entity::isNamed).map(e -> e.name).toList();
    for (String a : names) {
      for (String b : names) {
        if (!a.equals(b) && Pattern.compile("\\b" + Pattern.quote(a) + " and " + Pattern.quote(b) + "\\b")
            .matcher(text).results().count() >= 2) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * "the wolf", "his wife", "a poor wood-cutter"; not "like a tailor". "A" or a number brings someone
   * new on ("twelve soldiers"), but "when a child" brings no one on.
   */
  private static void roles(String text, Quotes quotes, RoleNouns nouns, Cast cast) {
    Matcher m = pattern(ROLE, nouns).matcher(text);
    while (m.find()) {
      String before = wordBefore(text, m.start());
      if (COMPARISONS.contains(before)) {
        continue;
      }
      if (ATTRIBUTES.contains(before)) {
        role(cast, quotes, m.group(3), m.group(2), m.start(), m.end(), false, false);
      } else {
        boolean introducing = m.group(1).matches("(?i)an?|" + NUMBERS) && !HYPOTHETICALS.contains(before)
            || Agency.isAgent(text, m.start(), m.end());
        role(cast, quotes, m.group(3), m.group(2), m.start(), m.end(), introducing, true);
      }
    }
  }

  private static Pattern pattern(String template, RoleNouns nouns) {
    return Pattern.compile(template.formatted(nouns.alternatives()), Pattern.CASE_INSENSITIVE);
  }

  private static void possessedRoles(String text, Quotes quotes, RoleNouns nouns, Cast cast) {
    Matcher m = pattern(POSSESSED, nouns).matcher(text);
    while (m.find()) {
      role(cast, quotes, m.group(2), m.group(1), m.start(), m.end(), false, true);
    }
  }

  private static void membersOfGroups(String text, Quotes quotes, RoleNouns nouns, Cast cast) {
    Matcher m = pattern(ONE_OF, nouns).matcher(text);
    while (m.find()) {
      String group = m.group(1).toLowerCase(Locale.ROOT);
      String member = group.substring(0, group.length() - 1);
      if (group.endsWith("s") && nouns.contains(member) && !quotes.spoken(m.start())) {
        cast.entity("the " + group).introduced = true;
        role(cast, quotes, member, "", m.start(), m.end(), true, true);
      }
    }
  }

  /** "A flock of gulls" brings the gulls on as one character. */
  private static void collectives(RoleNouns nouns, Cast cast) {
    for (String group : nouns.groups()) {
      Entity e = cast.entity("the " + group);
      e.setNoun(group);
      e.introduced = true;
    }
  }

  /** Files a role mention; only the narrator's mentions count towards bringing a character on stage. */
  private static void role(Cast cast, Quotes quotes, String word, String modifier, int start, int end, boolean introduces,
      boolean counts) {
    String noun = word.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    String key = "the " + noun;
    Entity e = cast.entity(key);
    e.setNoun(noun);
    e.modifiers.add(modifier);
    cast.mention(new Mention(key, start, end));
    if (counts && !quotes.spoken(start)) {
      e.count++;
      e.introduced |= introduces;
    }
  }

  /**
   * Names: capitalised mid-sentence at least once and never written in lower case, or introduced
   * by a naming phrase.
   */
  private static void names(String text, Quotes quotes, Cast cast) {
    Set<String> introduced = new LinkedHashSet<>();
    Matcher naming = SELF_NAMING.matcher(text);
    while (naming.find()) {
      introduced.add(canonical(naming.group(1) != null ? naming.group(1) : naming.group(2)));
    }
    Set<String> names = new LinkedHashSet<>();
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
        names.add(name);
      }
    }
    names.removeIf(name -> isPlaceName(text, name));
    for (String name : names) {
      Entity e = cast.entity(name);
      e.introduced |= introduced.contains(name);
      Matcher occurrence = Pattern.compile("\\b" + Pattern.quote(name) + "\\b", Pattern.CASE_INSENSITIVE).matcher(text);
      while (occurrence.find()) {
        cast.mention(new Mention(name, occurrence.start(), occurrence.end()));
        e.count += quotes.spoken(occurrence.start()) ? 0 : 1;
      }
    }
  }

  /** A name only ever met after "in", "at", "from" or "of" ("the market in Kessel") is where things are, not who. */
  private static boolean isPlaceName(String text, String name) {
    return Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(text).results()
        .allMatch(r -> PLACE_PREPOSITIONS.contains(wordBefore(text, r.start())));
  }

  private static String wordBefore(String text, int at) {
    Matcher m = WORD_BEFORE.matcher(text.substring(Math.max(0, at - 20), at));
    return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "";
  }

  /** Names shouted in capitals are the same names: "RUMPLESTILTSKIN" is "Rumplestiltskin". */
  static String canonical(String name) {
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
}
