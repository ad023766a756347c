package dev.krag.stages.parse;

import dev.krag.schemas.Location;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the places of a story in the phrases that take someone somewhere ("into the forest", "to
 * his hut", "in front of the house") and files each under one place: the words a story uses for
 * one place ("wood", "forest") under the one it uses most, rooms and furniture under the house.
 */
final class PlaceFinder {

  /**
   * "By", "under", "near" and the like set a thing beside a landmark ("lay down under a tree")
   * rather than take anyone to a place; "of" counts only for a place's parts ("the middle of the
   * forest"), not for what belongs to it ("the wealth of the kingdom").
   */
  private static final String LOCATION_PHRASE =
      "\\b(?:in|into|to|through|from|at|out of|up|down|along|inside|across|towards?|within"
          + "|(?:side|middle|midst|edge|bottom|top|front|end|depths|corner|door) of)"
          + "\\s+(?:the|a|an|his|her|their|our|my)\\s+((?:[a-z][a-z'’-]*\\s+){0,2}?)(%s)\\b(?!-|\\s+(?:%s)\\b)";
  private static final String HOUSE = "house";
  /**
   * A noun no word list calls a place is one when the story goes there and speaks of it as a place
   * once more: "came to the island" and "from the island", not "stepped into the pan" once.
   */
  static final int MIN_PHRASES_OF_A_NEW_PLACE = 2;

  /** The place each noun the story uses is filed under. */
  private final Map<String, String> placeOfNoun;
  private final Map<String, Location> locations;
  private final Pattern phrase;

  private PlaceFinder(Map<String, String> placeOfNoun, Map<String, Location> locations, Pattern phrase) {
    this.placeOfNoun = placeOfNoun;
    this.locations = locations;
    this.phrase = phrase;
  }

  static PlaceFinder in(String text) {
    Set<String> discovered = PlaceNouns.discovered(text, RoleNouns.of(text));
    String nouns = String.join("|", Stream.concat(Lexicon.LOCATION_NOUNS.stream(), discovered.stream()).toList());
    Pattern phrase = Pattern.compile(LOCATION_PHRASE.formatted(nouns, nouns), Pattern.CASE_INSENSITIVE);
    Map<String, Long> nounCounts = nouns(phrase, text).collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
    nounCounts.keySet().removeIf(noun -> discovered.contains(noun) && nounCounts.get(noun) < MIN_PHRASES_OF_A_NEW_PLACE);
    Map<String, String> placeOfNoun = new LinkedHashMap<>();
    for (String noun : nounCounts.keySet()) {
      placeOfNoun.put(noun, nameOf(noun, nounCounts));
    }
    if (placeOfNoun.containsValue(HOUSE)) {
      placeOfNoun.replaceAll((noun, place) -> Lexicon.PARTS_OF_A_HOUSE.contains(place) ? HOUSE : place);
    }
    Map<String, Modifiers> modifiers = new LinkedHashMap<>();
    Matcher m = phrase.matcher(text);
    while (m.find()) {
      String place = placeOfNoun.get(m.group(2).toLowerCase(Locale.ROOT));
      if (place != null) {
        modifiers.computeIfAbsent(place, p -> new Modifiers()).add(m.group(1));
      }
    }
    Map<String, Location> locations = new LinkedHashMap<>();
    modifiers.forEach((place, words) -> locations.put(place, Location.newBuilder()
        .setId(Ids.of("loc", place))
        .setName("the " + place)
        .setDescription(words.describe(place))
        .build()));
    return new PlaceFinder(placeOfNoun, locations, phrase);
  }

  List<Location> locations() {
    return List.copyOf(locations.values());
  }

  /** The place a passage mentions most, if it mentions any. */
  Optional<Location> dominantIn(String passage) {
    return nouns(phrase, passage)
        .map(noun -> locations.get(placeOfNoun.get(noun)))
        .filter(Objects::nonNull)
        .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()))
        .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
  }

  private static Stream<String> nouns(Pattern phrase, String text) {
    return phrase.matcher(text).results().map(r -> r.group(2).toLowerCase(Locale.ROOT));
  }

  /** The word a story uses most for the place a noun names, among the words of its family. */
  private static String nameOf(String noun, Map<String, Long> counts) {
    List<String> family = Lexicon.LOCATION_FAMILIES.stream().filter(f -> f.contains(noun)).findFirst().orElse(List.of(noun));
    return family.stream()
        .max(Comparator.comparingLong((String word) -> counts.getOrDefault(word, 0L))
            .thenComparing(Comparator.comparingInt(family::indexOf).reversed()))
        .orElse(noun);
  }
}
