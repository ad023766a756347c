package dev.krag.stages.parse;

import dev.krag.stages.parse.Entity.Gender;
import dev.krag.stages.text.Quotes;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Merges the entities a sentence says are one individual: a role given a name ("the boy was called
 * Hansel"), a role and its apposition ("the king, her father,"), a character and what it becomes or
 * turns out to be ("she became queen", "changed him into a frog", "she was in reality a witch"), a
 * parent and the mother or father of a story ("an old goat who had seven little kids"). A pronoun
 * is taken to mean the last character mentioned before it that its gender fits.
 */
final class Coreference {

  private static final String NOUN_PHRASE = "(?:[a-z][a-z-]*\\s+){0,2}?(" + RoleNouns.LEXICON + ")\\b";
  /** "The boy was called Hansel and the girl Gretel", "a man named Heinrich", "a fat man called Bartholomew Crouch". */
  private static final Pattern NAMING = Pattern.compile(
      "\\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir) (?:[a-z-]+ ){0,2}?([a-z-]+),? (?:(?:was|is) )?(?:called|named) "
          + "([A-Z][a-z]+(?:-[A-Z]?[a-z]+)*(?: [A-Z][a-z]+)?)(?:,? and the ([a-z-]+) ([A-Z][a-z]+))?");
  /** "she was always called 'Little Red-Cap'". */
  private static final Pattern PRONOUN_NAMING = Pattern.compile(
      "\\b(he|she)\\s+was\\s+(?:[a-z]+\\s+)?(?:called|named)\\s+['\"‘“]?([A-Z][A-Za-z-]*(?: [A-Z][A-Za-z-]*)?)",
      Pattern.CASE_INSENSITIVE);
  /** "Rumpelstiltskin is my name": the speaker's own name. */
  private static final Pattern FIRST_PERSON_NAMING = Pattern.compile(
      "(?i:my name is)\\s+([A-Z][A-Za-z-]+)|([A-Z][A-Za-z-]+)\\s+(?i:is my name)");
  /** "she really became queen", "she was in reality a wicked witch", "he had been turned into a bear". */
  private static final Pattern BECOMING = Pattern.compile(
      "\\b(he|she)\\s+(?:[a-z]+\\s+)?(?:became\\s+(?:an?\\s+)?"
          + "|(?:was|is)\\s+(?:(?:in reality|really|actually|truly|indeed)\\s+)?an?\\s+"
          + "|(?:was|had been)\\s+(?:changed|turned|transformed)\\s+into\\s+(?:an?\\s+)?)" + NOUN_PHRASE,
      Pattern.CASE_INSENSITIVE);
  /** "a fairy, who had changed him into a frog": "him" is whoever was talked of before the fairy. */
  private static final Pattern TRANSFORMATION = Pattern.compile(
      "\\b(?:changed|turned|transformed)\\s+(him|her)\\s+into\\s+(?:an?\\s+)?" + NOUN_PHRASE, Pattern.CASE_INSENSITIVE);
  /** What may stand between a subject and its verb: "a fairy, who had changed". */
  private static final Pattern SUBJECT_LINK = Pattern.compile("[\\s,]*(?:(?:who|which|that|had|has|have)\\s+)*");
  /**
   * An apposition renames the role before it: "the king, her father," or "the prince's servant,
   * faithful Heinrich,". A role after a role must be possessive, or "the straw, the coal," would be one.
   */
  private static final Pattern POSSESSIVE = Pattern.compile("(?:his|her|their)\\s", Pattern.CASE_INSENSITIVE);
  private static final Pattern APPOSITION_NAME = Pattern.compile("\\s*,\\s*(?:[a-z]+\\s+)?");
  private static final Pattern APPOSITION_END = Pattern.compile("\\s*[,;]");
  /** "an old goat who had seven little kids". */
  private static final Pattern PARENT = Pattern.compile(
      "\\s*,?\\s*(?:who|that)\\s+had\\s+(?:[a-z-]+\\s+){0,2}?(?:" + String.join("|", Lexicon.OFFSPRING) + ")\\b");

  private Coreference() {}

  static void resolve(String text, Quotes quotes, Cast cast) {
    namings(text, cast);
    pronounNamings(text, cast);
    firstPersonNamings(text, quotes, cast);
    appositions(text, cast);
    becomings(text, cast);
    transformations(text, cast);
    parents(text, cast);
  }

  private static void namings(String text, Cast cast) {
    Matcher m = NAMING.matcher(text);
    while (m.find()) {
      cast.merge(CharacterFinder.canonical(m.group(2)), "the " + m.group(1).toLowerCase(Locale.ROOT));
      if (m.group(3) != null) {
        cast.merge(CharacterFinder.canonical(m.group(4)), "the " + m.group(3).toLowerCase(Locale.ROOT));
      }
    }
  }

  private static void pronounNamings(String text, Cast cast) {
    Matcher m = PRONOUN_NAMING.matcher(text);
    while (m.find()) {
      String name = CharacterFinder.canonical(m.group(2));
      Gender gender = Entity.genderOf(m.group(1));
      cast.nearestBefore(m.start(), e -> e.agreesWith(gender) && !e.name.equals(name))
          .ifPresent(e -> cast.merge(name, e.name));
    }
  }

  /** A name said in the first person belongs to whoever speaks: the one mentioned just before the quote. */
  private static void firstPersonNamings(String text, Quotes quotes, Cast cast) {
    Matcher m = FIRST_PERSON_NAMING.matcher(text);
    while (m.find()) {
      String name = CharacterFinder.canonical(m.group(1) != null ? m.group(1) : m.group(2));
      quotes.around(m.start())
          .flatMap(quote -> cast.nearestBefore(quote.start(), e -> !e.name.equals(name)))
          .ifPresent(speaker -> cast.merge(name, speaker.name));
    }
  }

  private static void appositions(String text, Cast cast) {
    List<Mention> mentions = cast.mentions();
    for (int i = 0; i + 1 < mentions.size(); i++) {
      Mention head = mentions.get(i);
      Mention next = mentions.get(i + 1);
      if (!head.key().startsWith("the ") || next.start() <= head.end()
          || !APPOSITION_END.matcher(text).region(next.end(), text.length()).lookingAt()) {
        continue;
      }
      String between = text.substring(head.end(), next.start());
      boolean apposed = next.key().startsWith("the ")
          ? between.strip().equals(",") && POSSESSIVE.matcher(text).region(next.start(), next.end()).lookingAt()
          : APPOSITION_NAME.matcher(between).matches();
      if (apposed) {
        cast.merge(head.key(), next.key());
        cast.get(head.key()).ifPresent(e -> e.introduced = true);
      }
    }
  }

  private static void becomings(String text, Cast cast) {
    Matcher m = BECOMING.matcher(text);
    while (m.find()) {
      String becomes = "the " + m.group(2).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
      Gender gender = Entity.genderOf(m.group(1));
      Optional<Entity> target = cast.get(becomes);
      cast.nearestBefore(m.start(), e -> e.agreesWith(gender) && target.map(t -> t != e).orElse(true))
          .ifPresent(e -> same(cast, e.name, becomes));
    }
  }

  private static void transformations(String text, Cast cast) {
    Matcher m = TRANSFORMATION.matcher(text);
    while (m.find()) {
      String becomes = "the " + m.group(2).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
      Gender gender = Entity.genderOf(m.group(1));
      Optional<Entity> subject = cast.mentionBefore(m.start())
          .filter(s -> SUBJECT_LINK.matcher(text.substring(s.end(), m.start())).matches())
          .flatMap(s -> cast.get(s.key()));
      Optional<Entity> target = cast.get(becomes);
      cast.nearestBefore(m.start(), e -> e.agreesWith(gender) && subject.map(s -> s != e).orElse(true)
              && target.map(t -> t != e).orElse(true))
          .ifPresent(e -> same(cast, e.name, becomes));
    }
  }

  /** Merges what a character was and what it became under whichever the story calls it more. */
  private static void same(Cast cast, String was, String becomes) {
    int wasCount = cast.get(was).map(e -> e.count).orElse(0);
    int becomesCount = cast.get(becomes).map(e -> e.count).orElse(0);
    cast.merge(wasCount >= becomesCount ? was : becomes, wasCount >= becomesCount ? becomes : was);
  }

  /** The parent the story introduces is "the mother" or "the father" its children speak of. */
  private static void parents(String text, Cast cast) {
    for (Mention m : List.copyOf(cast.mentions())) {
      if (!PARENT.matcher(text).region(m.end(), text.length()).lookingAt()) {
        continue;
      }
      cast.get(m.key()).ifPresent(parent -> {
        List<Entity> kin = Stream.of("the mother", "the father")
            .map(cast::get).flatMap(Optional::stream)
            .filter(e -> e != parent && e.agreesWith(parent.gender())).toList();
        if (kin.size() == 1) {
          cast.merge(parent.name, kin.getFirst().name);
        }
      });
    }
  }
}
