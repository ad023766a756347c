package dev.krag.stages.parse;

import dev.krag.schemas.Location;
import dev.krag.schemas.Scene;
import dev.krag.schemas.StoryCharacter;
import dev.krag.stages.text.Sentence;
import dev.krag.stages.text.Sentences;
import dev.krag.stages.text.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A parser that needs no model: characters as {@link CharacterFinder} finds them, places as
 * {@link PlaceFinder} finds them, scenes cut where place or time changes.
 */
public final class LocalStoryParser implements StoryParser {

  /** Below this a scene is not cut, however strong the marker: a sentence or two is no scene. */
  static final int MIN_SCENE_WORDS = 45;
  /** Above this a scene is cut at the next weak marker or paragraph. */
  static final int TARGET_SCENE_WORDS = 170;
  /** Above this a scene is cut at the next sentence. */
  static final int MAX_SCENE_WORDS = 420;

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
    PlaceFinder places = PlaceFinder.in(text);
    List<Scene> scenes = cutScenes(text, sentences, characters, places);
    return new SceneGraph(title, scenes, characters, places.locations(), List.of());
  }

  private List<Scene> cutScenes(String text, List<Sentence> sentences, List<StoryCharacter> characters, PlaceFinder places) {
    List<List<Sentence>> groups = new ArrayList<>();
    List<Sentence> current = new ArrayList<>();
    String currentPlace = null;
    for (Sentence sentence : sentences) {
      int words = words(current);
      String place = places.dominantIn(sentence.text()).map(Location::getId).orElse(null);
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
    if (!groups.isEmpty() && words(current) < MIN_SCENE_WORDS) {
      groups.getLast().addAll(current); // a closing sentence or two ends the last scene, it is no scene of its own
    } else if (!current.isEmpty()) {
      groups.add(current);
    }
    return toScenes(text, groups, characters, places);
  }

  private List<Scene> toScenes(String text, List<List<Sentence>> groups, List<StoryCharacter> characters, PlaceFinder places) {
    List<Scene> scenes = new ArrayList<>();
    Location previous = places.locations().isEmpty() ? null : places.locations().getFirst();
    for (List<Sentence> group : groups) {
      int start = group.getFirst().start();
      int end = group.getLast().end();
      String body = text.substring(start, end);
      Location location = places.dominantIn(body).orElse(previous);
      previous = location;
      int index = scenes.size();
      scenes.add(Scene.newBuilder()
          .setId(String.format(Locale.ROOT, "scene-%03d", index + 1))
          .setIndex(index)
          .setTitle(location == null ? "Scene " + (index + 1) : capitalise(location.getName()))
          .setSummary(Words.first(group.getFirst().text(), 25))
          .setLocationId(location == null ? Ids.UNKNOWN_LOCATION : location.getId())
          .setCharacterIds(characters.stream().filter(c -> CharacterMatcher.of(c, characters).mentionedIn(body)).map(StoryCharacter::getId).toList())
          .setText(body.replaceAll("\\s+", " ").strip())
          .setStartOffset(start)
          .setEndOffset(end)
          .build());
    }
    return scenes;
  }

  private static int words(List<Sentence> sentences) {
    return sentences.stream().mapToInt(Sentence::words).sum();
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
