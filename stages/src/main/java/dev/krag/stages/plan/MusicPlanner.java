package dev.krag.stages.plan;

import dev.krag.schemas.RunConfig;
import dev.krag.schemas.Shot;
import dev.krag.schemas.ShotMusic;
import dev.krag.stages.music.Mood;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives every shot its stretch of its scene's music. Shots are rendered apart, on any partition,
 * so the plan fixes what each one plays: one piece per scene, in the mood its narration reads as,
 * its notes picked by the scene's words, and each shot starting where the scene's shots before it
 * end as planned. The first scene's piece begins under the title card.
 */
public final class MusicPlanner {

  private MusicPlanner() {}

  public static List<Shot> scored(List<Shot> shots, RunConfig config) {
    Map<String, StringBuilder> texts = new LinkedHashMap<>();
    shots.forEach(s -> texts.computeIfAbsent(s.getSceneId(), id -> new StringBuilder()).append(s.getNarration()).append('\n'));
    Map<String, Double> played = new HashMap<>();
    if (!shots.isEmpty()) {
      played.put(shots.getFirst().getSceneId(), ShotPlanner.TITLE_SECONDS);
    }
    List<Shot> scored = new ArrayList<>(shots.size());
    for (Shot shot : shots) {
      String scene = shot.getSceneId();
      String text = texts.get(scene).toString();
      double from = played.getOrDefault(scene, 0.0);
      // The scene's words pick its notes: the same scene always gets the same music.
      long seed = scene.hashCode() * 1_000_003L + text.hashCode();
      scored.add(Shot.newBuilder(shot).setMusic(new ShotMusic(Mood.of(text).name(), seed, from)).build());
      played.put(scene, from + ShotPlanner.onFrames(shot.getDurationSeconds(), config.getFps()));
    }
    return scored;
  }
}
