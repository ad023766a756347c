package dev.krag.stages.plan;

import dev.krag.schemas.Scene;
import dev.krag.schemas.StoryCharacter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who must be seen in a scene: everyone the parse put in it. A planner picks each shot's cast
 * from what its narration names; whoever no shot of the scene shows joins its first shot, the
 * wide one that sets the scene, so a viewer meets every character of the scene at least once.
 */
final class SceneCast {

  private SceneCast() {}

  static List<StoryCharacter> of(Scene scene, Map<String, StoryCharacter> characters) {
    return scene.getCharacterIds().stream().map(characters::get).filter(Objects::nonNull).toList();
  }

  /** The shots' casts, in order, with everyone of the scene no shot shows added to the first. */
  static List<List<StoryCharacter>> covering(List<List<StoryCharacter>> casts, List<StoryCharacter> scene) {
    if (casts.isEmpty()) {
      return casts;
    }
    Set<StoryCharacter> seen = new LinkedHashSet<>();
    casts.forEach(seen::addAll);
    List<List<StoryCharacter>> out = new ArrayList<>(casts);
    List<StoryCharacter> first = new ArrayList<>(casts.getFirst());
    scene.stream().filter(c -> !seen.contains(c)).forEach(first::add);
    out.set(0, List.copyOf(first));
    return out;
  }
}
