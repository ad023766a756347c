package dev.krag.stages.plan;

import dev.krag.schemas.Camera;
import dev.krag.schemas.Location;
import dev.krag.schemas.RunConfig;
import dev.krag.schemas.Scene;
import dev.krag.schemas.Shot;
import dev.krag.schemas.StoryCharacter;
import dev.krag.stages.parse.CharacterMatcher;
import dev.krag.stages.parse.SceneGraph;
import dev.krag.stages.text.Sentence;
import dev.krag.stages.text.Sentences;
import dev.krag.stages.text.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Cuts each scene into shots of a few sentences, so that a picture stays on screen about as long
 * as a viewer needs to take it in while the narrator reads.
 */
public final class ShotPlanner {

  /** A shot is closed once its narration reaches this many words. */
  static final int SHOT_WORDS = 28;
  /** A sentence longer than this is split at clause boundaries into shots of its own. */
  static final int LONG_SENTENCE_WORDS = 45;
  /** How much of a shot's narration the image prompt quotes as its moment. */
  static final int MOMENT_WORDS = 16;
  /** Silence after the narration of each shot, so cuts do not clip the last word. */
  public static final double LEAD_OUT_SECONDS = 0.6;
  /** The title card before the first shot and the end card after the last: planned here, where the music is. */
  public static final double TITLE_SECONDS = 3.5;
  public static final double END_SECONDS = 6.0;

  public String name() {
    return "local-shot-planner";
  }

  public List<Shot> plan(SceneGraph graph, RunConfig config) {
    Map<String, StoryCharacter> characters =
        graph.characters().stream().collect(Collectors.toMap(StoryCharacter::getId, Function.identity()));
    Map<String, Location> locations =
        graph.locations().stream().collect(Collectors.toMap(Location::getId, Function.identity()));
    List<String> sceneTexts = sceneTexts(graph, config);
    List<Shot> shots = new ArrayList<>();
    for (int s = 0; s < graph.scenes().size(); s++) {
      Scene scene = graph.scenes().get(s);
      List<String> narrations = narrations(sceneTexts.get(s));
      List<List<StoryCharacter>> casts = SceneCast.covering(
          narrations.stream().map(n -> castOf(scene, n, characters)).toList(), SceneCast.of(scene, characters));
      for (int i = 0; i < narrations.size(); i++) {
        String narration = narrations.get(i);
        List<StoryCharacter> cast = casts.get(i);
        Location location = locations.get(scene.getLocationId());
        shots.add(Shot.newBuilder()
            .setShotId(String.format(Locale.ROOT, "%s-shot-%02d", scene.getId(), i + 1))
            .setSceneId(scene.getId())
            .setIndex(shots.size())
            .setDurationSeconds(durationOf(narration, config))
            .setCamera(cameraFor(i, cast.size()))
            .setNarration(narration)
            .setImagePrompt(ImagePrompt.of(cameraFor(i, cast.size()), location, cast, Words.first(narration, MOMENT_WORDS)))
            .setCharacterIds(cast.stream().map(StoryCharacter::getId).toList())
            .setLocationId(scene.getLocationId())
            .setSceneCharacterIds(scene.getCharacterIds())
            .build());
      }
    }
    return shots;
  }

  /**
   * The text each scene narrates: all of it, or, when the run has a target duration the story
   * would overrun, the sentences the condenser keeps.
   */
  static List<String> sceneTexts(SceneGraph graph, RunConfig config) {
    List<String> whole = graph.scenes().stream().map(Scene::getText).toList();
    Double target = config.getTargetDurationSeconds();
    if (target == null) {
      return whole;
    }
    double perWord = 60.0 / config.getWordsPerMinute();
    int words = whole.stream().mapToInt(Words::count).sum();
    // Each shot adds its lead-out; about one shot per SHOT_WORDS words.
    int budget = (int) Math.floor(target / (perWord + LEAD_OUT_SECONDS / SHOT_WORDS));
    return words <= budget ? whole : Condenser.condense(graph.scenes(), graph.characters(), budget);
  }

  /** Screen time for a narration read at the run's pace. */
  public static double durationOf(String narration, RunConfig config) {
    return Words.count(narration) * 60.0 / config.getWordsPerMinute() + LEAD_OUT_SECONDS;
  }

  /** A length rounded up to whole frames, as shots play. */
  public static double onFrames(double seconds, int fps) {
    return Math.ceil(seconds * fps - 1e-9) / fps;
  }

  private static List<String> narrations(String sceneText) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (Sentence sentence : Sentences.split(sceneText)) {
      for (String part : clauses(sentence.text())) {
        if (!current.isEmpty() && Words.count(current + " " + part) > LONG_SENTENCE_WORDS) {
          out.add(current.toString());
          current.setLength(0);
        }
        current.append(current.isEmpty() ? "" : " ").append(part);
        if (Words.count(current.toString()) >= SHOT_WORDS) {
          out.add(current.toString());
          current.setLength(0);
        }
      }
    }
    if (!current.isEmpty()) {
      out.add(current.toString());
    }
    return out;
  }

  /** A long sentence split after its semicolons and colons; a short one whole. */
  private static List<String> clauses(String sentence) {
    if (Words.count(sentence) <= LONG_SENTENCE_WORDS) {
      return List.of(sentence);
    }
    return List.of(sentence.split("(?<=[;:])\\s+|(?<=--)"));
  }

  private static List<StoryCharacter> castOf(Scene scene, String narration, Map<String, StoryCharacter> characters) {
    List<StoryCharacter> inScene = SceneCast.of(scene, characters);
    List<StoryCharacter> named = inScene.stream().filter(c -> CharacterMatcher.of(c, characters.values()).mentionedIn(narration)).toList();
    return named.isEmpty() ? inScene.stream().limit(2).toList() : named;
  }

  private static Camera cameraFor(int shotInScene, int castSize) {
    if (shotInScene == 0 || castSize == 0 || castSize > 2) {
      return Camera.WIDE;
    }
    return castSize == 1 ? Camera.CLOSE_UP : Camera.MEDIUM;
  }
}
