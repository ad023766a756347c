package dev.krag.stages.parse;

import dev.krag.schemas.Location;
import dev.krag.schemas.Scene;
import dev.krag.schemas.StoryCharacter;
import dev.krag.stages.text.Sentence;
import dev.krag.stages.text.Sentences;
import dev.krag.stages.text.Words;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parser that needs no model: characters as {@link CharacterFinder} finds them, places from
 * prepositional phrases, scenes cut where place or time changes.
 */
public final class LocalStoryParser implements StoryParser {

  /** Below this a scene is not cut, however strong the marker: a sentence or two is no scene. */
  static final int MIN_SCENE_WORDS = 45;
  /** Above this a scene is cut at the next weak marker or paragraph. */
  static final int TARGET_SCENE_WORDS = 170;
  /** Above this a scene is cut at the next sentence. */
  static final int MAX_SCENE_WORDS = 420;

  private static final Pattern LOCATION_PHRASE = Pattern.compile(
      "\\b(?:in|into|to|through|from|at|near|by|of|out of|up|inside|across|towards?|within|under|behind|before)"
          + "\\s+(?:the|a|an|his|her|their|our)\\s+((?:[a-z][a-z-]*\\s+){0,2}?)("
          + String.join("|", Lexicon.LOCATION_NOUNS) + ")\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern STRONG_MARKER = Pattern.compile(Lexicon.STRONG_TIME_MARKER, Pattern.DOTALL);
  private static final Pattern WEAK_MARKER = Pattern.compile(Lexicon.WEAK_TIME_MARKER, Pattern.DOTALL);

  @Override
  public String name() {
    return "local-lexicon-parser";
  }

  @Override
  public SceneGraph parse(String title, String text) {
    List<Sentence> sentences = Sentences.split(text);
    List<StoryCharacter> characters = CharacterFinder.find(text);
    List<Location> locations = findLocations(text);
    List<Scene> scenes = cutScenes(text, sentences, characters, locations);
    return new SceneGraph(title, scenes, characters, locations, List.of());
  }

  private List<Location> findLocations(String text) {
    Map<String, Mentions> byNoun = new LinkedHashMap<>();
    Matcher m = LOCATION_PHRASE.matcher(text);
    while (m.find()) {
      String noun = placeNoun(m.group(2));
      byNoun.computeIfAbsent(noun, Mentions::new).add(m.group(1).strip().toLowerCase(Locale.ROOT));
    }
    return byNoun.values().stream()
        .map(mentions -> Location.newBuilder()
            .setId(Ids.of("loc", mentions.noun))
            .setName("the " + mentions.noun)
            .setDescription(mentions.description())
            .build())
        .toList();
  }

  private List<Scene> cutScenes(String text, List<Sentence> sentences, List<StoryCharacter> characters, List<Location> locations) {
    List<List<Sentence>> groups = new ArrayList<>();
    List<Sentence> current = new ArrayList<>();
    String currentPlace = null;
    for (Sentence sentence : sentences) {
      int words = words(current);
      String place = placeOf(sentence.text(), locations);
      boolean cut = !current.isEmpty() && words >= MIN_SCENE_WORDS
          && (STRONG_MARKER.matcher(sentence.text()).matches()
              || sentence.startsParagraph() && place != null && currentPlace != null && !place.equals(currentPlace)
              || words >= TARGET_SCENE_WORDS && (sentence.startsParagraph() || WEAK_MARKER.matcher(sentence.text()).matches())
              || words >= MAX_SCENE_WORDS);
      if (cut) {
        groups.add(current);
        current = new ArrayList<>();
        currentPlace = null;
      }
      current.add(sentence);
      if (currentPlace == null) {
        currentPlace = place;
      }
    }
    if (groups.isEmpty() || words(current) >= MIN_SCENE_WORDS) {
      groups.add(current);
    } else {
      groups.getLast().addAll(current); // a closing sentence or two ends the last scene, it is no scene of its own
    }
    return toScenes(text, groups, characters, locations);
  }

  private List<Scene> toScenes(String text, List<List<Sentence>> groups, List<StoryCharacter> characters, List<Location> locations) {
    List<Scene> scenes = new ArrayList<>();
    Location previous = locations.isEmpty() ? null : locations.getFirst();
    for (List<Sentence> group : groups) {
      int start = group.getFirst().start();
      int end = group.getLast().end();
      String body = text.substring(start, end);
      Location location = dominantLocation(body, locations).orElse(previous);
      previous = location;
      int index = scenes.size();
      scenes.add(Scene.newBuilder()
          .setId(String.format(Locale.ROOT, "scene-%03d", index + 1))
          .setIndex(index)
          .setTitle(location == null ? "Scene " + (index + 1) : capitalise(location.getName()))
          .setSummary(Words.first(group.getFirst().text(), 25))
          .setLocationId(location == null ? Ids.UNKNOWN_LOCATION : location.getId())
          .setCharacterIds(characters.stream().filter(c -> CharacterMatcher.of(c).mentionedIn(body)).map(StoryCharacter::getId).toList())
          .setText(body.replaceAll("\\s+", " ").strip())
          .setStartOffset(start)
          .setEndOffset(end)
          .build());
    }
    return scenes;
  }

  private static String placeOf(String sentence, List<Location> locations) {
    return dominantLocation(sentence, locations).map(Location::getId).orElse(null);
  }

  private static java.util.Optional<Location> dominantLocation(String body, List<Location> locations) {
    Map<Location, Integer> counts = new LinkedHashMap<>();
    Matcher m = LOCATION_PHRASE.matcher(body);
    while (m.find()) {
      String id = Ids.of("loc", placeNoun(m.group(2)));
      locations.stream().filter(l -> l.getId().equals(id)).findFirst().ifPresent(l -> counts.merge(l, 1, Integer::sum));
    }
    return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
  }

  /** The noun that names a place, the same for the words a story uses interchangeably ("wood", "forest"). */
  private static String placeNoun(String word) {
    String noun = word.toLowerCase(Locale.ROOT);
    return Lexicon.LOCATION_FAMILIES.stream().filter(f -> f.contains(noun)).map(List::getFirst).findFirst().orElse(noun);
  }

  private static int words(List<Sentence> sentences) {
    return sentences.stream().mapToInt(Sentence::words).sum();
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** Every noun phrase seen for one place noun, to name it and describe it. */
  private static final class Mentions {
    final String noun;
    final Modifiers modifiers = new Modifiers();

    Mentions(String noun) {
      this.noun = noun;
    }

    void add(String modifier) {
      modifiers.add(modifier);
    }

    String description() {
      return modifiers.describe(noun);
    }
  }
}
