package dev.krag.stages.parse;

import java.util.Set;

/** The closed word lists the local parser recognises characters and places by. */
final class Lexicon {

  /**
   * Nouns that name a character when a determiner comes before them ("the wolf", "his wife"); their
   * regular plurals are made from them, irregular ones are here. Anything else the story makes
   * speak or act is found by {@link Agency}.
   */
  static final Set<String> CHARACTER_NOUNS = Set.of(
      "man", "woman", "boy", "girl", "child", "children",
      "king", "queen", "prince", "princess", "son", "daughter",
      "father", "mother", "wife", "husband", "brother", "sister",
      "grandmother", "grandfather", "grandson", "granddaughter", "stepmother", "huntsman", "hunter",
      "miller", "shoemaker", "tailor", "wood-cutter", "woodcutter", "fisherman", "farmer", "peasant",
      "witch", "fairy", "dwarf", "dwarfs", "giant", "elves", "elf", "servant", "maid", "soldier",
      "messenger", "shepherd", "baker", "cook", "beggar", "mannikin", "manikin", "robber",
      "wolf", "fox", "cat", "dog", "mouse", "bird", "frog",
      "toad", "duck", "goose", "cock", "hen", "horse", "donkey", "ass", "goat", "kid",
      "bear", "lion", "raven", "dove", "swan", "fish", "flounder",
      "stepdaughter", "mistress", "master", "lad", "youth", "maiden",
      "lady", "lord", "emperor", "pope", "parson", "ogre", "stranger", "neighbour", "neighbor",
      "shopkeeper", "nurse", "court", "baby", "infant", "hobgoblin", "hound",
      "old man", "old woman", "little man");

  /**
   * Nouns that are the subject of a living verb without being anyone: times ("the next day saw"),
   * parts of a body ("her eyes looked"), words standing for a noun the phrase leaves out.
   */
  static final Set<String> NOT_AGENTS = Set.of(
      "day", "night", "morning", "evening", "time", "year", "moment", "eyes", "eye", "heart", "voice",
      "head", "hand", "hands", "one", "other", "others", "rest", "same", "whole", "way");

  /** Words of the closed classes that never head a noun phrase: pronouns, auxiliaries, conjunctions, particles. */
  static final Set<String> FUNCTION_WORDS = Set.of(
      "i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us", "them", "and", "or", "but",
      "was", "were", "is", "are", "be", "been", "had", "has", "have", "did", "do", "does", "would",
      "could", "should", "will", "shall", "may", "might", "must", "not", "still", "then", "so", "too",
      "also", "all", "both", "that", "this", "which", "who", "what", "when", "where", "there", "here",
      "as", "if", "than", "to", "of", "in", "on", "at", "by", "for", "with", "from", "into", "up", "down",
      "out", "off", "again", "once", "never", "always", "now", "soon", "only", "just", "very");

  /** Nouns for a woman or a man, to tell which character a "she" or a "he" can be. */
  static final Set<String> FEMALE_NOUNS = Set.of(
      "woman", "women", "girl", "girls", "wife", "mother", "daughter", "daughters", "sister", "sisters",
      "queen", "princess", "princesses", "grandmother", "granddaughter", "stepmother", "stepdaughter",
      "witch", "maid", "maiden", "lady", "mistress", "old woman", "nurse", "hen");
  static final Set<String> MALE_NOUNS = Set.of(
      "man", "men", "boy", "boys", "king", "prince", "princes", "son", "sons", "father", "husband",
      "brother", "brothers", "grandfather", "grandson", "huntsman", "hunter", "miller", "wood-cutter",
      "woodcutter", "fisherman", "tailor", "shoemaker", "lad", "youth", "lord", "master", "emperor",
      "pope", "parson", "old man", "little man", "cock");

  /** Nouns for someone young enough that the story may call them "the child". */
  static final Set<String> YOUNG = Set.of("girl", "boy", "baby", "infant", "grandson", "granddaughter");

  /** Nouns for a brother or a sister, who in a tale is usually one of its named heroes. */
  static final Set<String> SIBLINGS = Set.of("sister", "brother");

  /** Nouns for the offspring of a parent, as in "an old goat who had seven little kids". */
  static final Set<String> OFFSPRING = Set.of("child", "children", "kids", "son", "sons", "daughter", "daughters");

  /** Nouns for a family's children as a group; when two named heroes are the group it is no character of its own. */
  static final Set<String> SIBLING_GROUPS = Set.of("children", "brothers", "sisters");

  /** Nouns that name a place when a preposition and a determiner come before them ("into the wood"). */
  static final Set<String> LOCATION_NOUNS = Set.of(
      "forest", "wood", "woods", "house", "cottage", "hut", "castle", "palace", "tower", "well",
      "garden", "village", "town", "city", "field", "fields", "meadow", "river", "brook", "stream",
      "lake", "pond", "sea", "mountain", "hill", "valley", "road", "path", "bridge", "room",
      "kitchen", "cellar", "chamber", "hall", "church", "mill", "inn", "oven", "stable", "barn",
      "courtyard", "yard", "cave", "tree", "glass-mountain", "kingdom", "market",
      "wilderness", "clock-case", "hearth", "shop", "cage", "spring", "fountain", "trough", "corner", "table",
      "parlour");

  /** Nouns a motion verb takes someone into that are no place: a time, a state, the wide world. */
  static final Set<String> NOT_PLACES = Set.of(
      "dark", "night", "day", "morning", "evening", "world", "air", "way", "distance", "sleep", "trouble",
      "danger", "hands", "hand", "arms", "arm", "power", "pieces", "bed");

  /** Rooms, furniture, doors and stairs: a scene "in the kitchen" or "at the table" of a story with a house is in the house. */
  static final Set<String> PARTS_OF_A_HOUSE = Set.of(
      "room", "chamber", "kitchen", "parlour", "cellar", "hall", "table", "corner", "hearth", "door", "window",
      "floor", "steps", "stairs");

  /** Place nouns a story uses for one place: it is named by the one the story uses most, the first on a tie. */
  static final java.util.List<java.util.List<String>> LOCATION_FAMILIES = java.util.List.of(
      java.util.List.of("forest", "wood", "woods", "wilderness"),
      java.util.List.of("room", "chamber"),
      java.util.List.of("spring", "fountain"),
      java.util.List.of("brook", "stream"));

  /**
   * Roles that, within one tale, nearly always name one person: the wife who is the woman who is
   * the stepmother. Merging them costs the rare tale with two such people a character; keeping
   * them apart costs nearly every tale a duplicate.
   */
  static final java.util.List<Set<String>> ROLE_FAMILIES = java.util.List.of(
      Set.of("wife", "woman", "stepmother", "mother"),
      Set.of("husband", "father", "wood-cutter", "woodcutter", "miller", "fisherman", "peasant"),
      Set.of("girl", "maiden", "daughter", "princess", "lady"),
      Set.of("children", "kids"),
      Set.of("manikin", "mannikin", "dwarf", "little man", "hobgoblin"),
      Set.of("grandmother", "old woman"),
      Set.of("grandfather", "old man"),
      Set.of("child", "baby", "infant"),
      Set.of("dog", "hound"),
      Set.of("dogs", "hounds"));

  /** Capitalised words that are not names, however often the story capitalises them. */
  static final Set<String> NOT_NAMES = Set.of(
      "I", "The", "A", "An", "And", "But", "Then", "When", "Now", "So", "There", "Here", "What",
      "Who", "How", "Why", "Where", "Oh", "O", "Ah", "Alas", "Yes", "No", "Good", "God", "Heaven",
      "Christmas", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
      "Mr", "Mrs", "Miss", "Lord", "Caw", "Dear", "Well", "Come", "Go", "Let", "If", "As", "At",
      "In", "On", "It", "He", "She", "They", "We", "You", "My", "Your", "His", "Her", "Their",
      "This", "That", "These", "Those", "One", "Once", "After", "Before", "All", "Nothing",
      "Thank", "Just", "Yet", "For", "With", "Not", "Do", "Is", "Are", "Was", "Had", "Have",
      "Will", "Shall", "May", "Can", "Up", "Out", "Into", "Look", "Open", "Father", "Mother",
      "Sir", "Madam", "Majesty", "Lady", "Master", "Mistress", "Amen", "Hurrah", "Hush");

  /** Words before a character noun that are determiners, not part of its description. */
  static final Set<String> DETERMINERS = Set.of(
      "the", "a", "an", "his", "her", "their", "my", "our", "your", "this", "that", "its");

  /**
   * Sentence openings that mark a new scene in time: an adverbial of time ("That same night", "By
   * noon", "On Sunday", "For three nights", "A year later") or a turn ("Just then", "Once upon a time").
   */
  static final String STRONG_TIME_MARKER =
      "^(?:(?:In|On|At|By|For|Towards|Early|Late|That|This|Next|The next|One|Some|A|Many|Before|After)\\b[\\w ]{0,25}?"
          + "\\b(?:morning|day|days|night|nights|evening|noon|dawn|dusk|midnight|daybreak|nightfall|week|weeks|year|years"
          + "|winter|summer|spring|autumn|[A-Z][a-z]+day)\\b(?: (?:after|later))?,?"
          + "|Just then|Soon after(?:wards)?|Not long after(?:wards)?|Some time (?:after|later)|Once upon a time"
          + "|When (?:it was|the (?:morning|day|evening|night|sun)))\\b.*";

  /** Sentence openings that may mark a new scene once the current one is long enough. */
  static final String WEAK_TIME_MARKER = "^(?:Then|Now|So|After|Afterwards|At last|At length|When|Meanwhile)\\b.*";

  private Lexicon() {}
}
