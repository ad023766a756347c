package dev.krag.stages.parse;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the nouns a story makes agents of, whatever they are: a noun phrase that speaks ("said the
 * bell", "the kettle replied") or is the subject of a verb only a living being does ("the mayor
 * laughed", "the watchmen heard"). A talking kettle or a toad that asks the way is a character
 * though no word list names it; a kettle that only hangs over the fire is not.
 */
final class Agency {

  /** Verbs of speech: whoever they are said of speaks. */
  private static final Set<String> SPEECH_VERBS = Set.of(
      "said", "replied", "answered", "cried", "asked", "called", "whispered", "shouted", "sang", "screamed",
      "begged", "exclaimed", "spoke", "says", "asks");
  /**
   * Verbs of feeling, thought, perception and will, which only a living (or brought to life) being
   * does: "the wind rose" and "the lamp went out" are no agents, "the people whispered" are.
   */
  private static final Set<String> LIVING_VERBS = Set.of(
      "laughed", "wept", "sighed", "smiled", "thought", "knew", "saw", "heard", "listened", "looked",
      "nodded", "knelt", "crept", "ate", "drank", "slept", "searched", "found", "stole", "married",
      "danced", "promised", "wanted", "wished", "hoped", "feared", "loved", "refused", "agreed",
      "howled", "growled", "barked", "pecked", "hobbled", "bowed", "thanked", "ran away", "ran off", "fled");
  /** Determiners of a subject; "her" and "that" are left out, they are as often a pronoun ("took her and ate"). */
  private static final String DETERMINER = "(?:[Tt]he|[Hh]is|[Tt]heir|[Mm]y|[Oo]ur|[Yy]our)";
  private static final String NOUN_PHRASE = "((?:[a-z][a-z-]*\\s+){0,2}?)([a-z][a-z-]*)";
  /** "said the bell," and "asked the toad." with the noun phrase closed by punctuation or a following clause. */
  private static final Pattern SPOKEN_BY = Pattern.compile(
      "\\b(?:" + String.join("|", SPEECH_VERBS) + ")\\s+(?:the|his|her|their|my|our|your|this|that)\\s+" + NOUN_PHRASE
          + "(?=\\s*[,.;:!?'\"‘’“”]|\\s+(?:to|and|in|with|at)\\b)");
  /** "the mayor of the town laughed": the subject is the mayor, whatever he is of. */
  private static final String OF_WHAT = "(?:\\s+of\\s+(?:the\\s+)?[A-Za-z-]+)?";
  private static final Pattern SUBJECT_OF = Pattern.compile(
      "\\b" + DETERMINER + "\\s+" + NOUN_PHRASE + OF_WHAT + "\\s+(?:" + String.join("|", SPEECH_VERBS) + "|"
          + String.join("|", LIVING_VERBS) + ")\\b");

  /**
   * "the dogs had already seized him": whoever does something to someone acts. Too loose to make a
   * character of any noun ("the wind carried him"), it only brings on one a role noun names.
   */
  private static final Pattern ACTS_ON = Pattern.compile(
      "\\b" + DETERMINER + "\\s+" + NOUN_PHRASE + "\\s+(?:(?:had|has|have|would|could|will)\\s+)?(?:[a-z]+ly\\s+|already\\s+)?"
          + "(?!(?:" + String.join("|", Lexicon.FUNCTION_WORDS) + ")\\b)[a-z]+\\s+(?:him|them|me|us)\\b");

  private Agency() {}

  /** Whether the noun phrase here is the subject of a living verb or acts on someone. */
  static boolean isAgent(String text, int start, int end) {
    return Stream.of(SUBJECT_OF, ACTS_ON).map(p -> p.matcher(text).region(start, text.length()))
        .anyMatch(m -> m.lookingAt() && m.end(2) == end && isNounPhrase(m.group(1), m.group(2)));
  }

  /** The head nouns of the story's agents, in lower case. */
  static Set<String> nouns(String text) {
    Set<String> nouns = new LinkedHashSet<>();
    for (Pattern p : new Pattern[] {SPOKEN_BY, SUBJECT_OF}) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        if (isNounPhrase(m.group(1), m.group(2))) {
          nouns.add(m.group(2).toLowerCase(Locale.ROOT));
        }
      }
    }
    nouns.removeAll(Lexicon.NOT_AGENTS);
    return nouns;
  }

  /** No pronoun, auxiliary or conjunction heads the phrase, and only "and" joins its words. */
  private static boolean isNounPhrase(String modifiers, String head) {
    return !Lexicon.FUNCTION_WORDS.contains(head.toLowerCase(Locale.ROOT))
        && Stream.of(modifiers.strip().split("\\s+")).noneMatch(w -> !w.equals("and") && Lexicon.FUNCTION_WORDS.contains(w));
  }
}
