package dev.krag.stages.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krag.schemas.RunConfig;
import dev.krag.schemas.Scene;
import dev.krag.schemas.Shot;
import dev.krag.stages.SharedStories;
import dev.krag.stages.SharedStories.Tale;
import dev.krag.stages.parse.LocalStoryParser;
import dev.krag.stages.parse.SceneGraph;
import dev.krag.stages.text.Words;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ShotPlannerTest {

  private final RunConfig config = RunConfig.newBuilder().build();

  @Test
  void everySceneGetsAShotAndEveryWordIsNarratedOnce() {
    Tale tale = SharedStories.read(SharedStories.grimm("21-little-red-cap-little-red-riding-hood.txt"));
    SceneGraph graph = new LocalStoryParser().parse(tale.title(), tale.text());

    List<Shot> shots = new ShotPlanner().plan(graph, config);

    assertThat(shots.stream().map(Shot::getSceneId).collect(Collectors.toSet()))
        .containsExactlyInAnyOrderElementsOf(graph.scenes().stream().map(Scene::getId).toList());
    assertThat(shots).extracting(Shot::getShotId).doesNotHaveDuplicates();
    assertThat(shots).extracting(Shot::getIndex).isSorted();
    int storyWords = graph.scenes().stream().mapToInt(s -> Words.count(s.getText())).sum();
    assertThat(shots.stream().mapToInt(s -> Words.count(s.getNarration())).sum()).isEqualTo(storyWords);
  }

  @Test
  void durationFollowsTheNarrationAtTheRunsPace() {
    String narration = "one two three four five six seven eight nine ten";

    assertThat(ShotPlanner.durationOf(narration, config)).isCloseTo(10 * 60.0 / 150 + ShotPlanner.LEAD_OUT_SECONDS,
        org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void shotsCarryTheirCastAndAPromptNamingIt() {
    Tale tale = SharedStories.read(SharedStories.grimm("43-the-fox-and-the-cat.txt"));
    SceneGraph graph = new LocalStoryParser().parse(tale.title(), tale.text());

    List<Shot> shots = new ShotPlanner().plan(graph, config);

    Shot first = shots.getFirst();
    assertThat(first.getCharacterIds()).contains("char-cat", "char-fox");
    assertThat(first.getImagePrompt()).contains("the cat").contains("the fox").contains("the forest");
  }

  @Test
  void everyCharacterOfASceneIsInOneOfItsShots() {
    for (java.nio.file.Path file : SharedStories.allGrimm()) {
      Tale tale = SharedStories.read(file);
      SceneGraph graph = new LocalStoryParser().parse(tale.title(), tale.text());

      List<Shot> shots = new ShotPlanner().plan(graph, config);

      for (Scene scene : graph.scenes()) {
        List<String> shown = shots.stream().filter(s -> s.getSceneId().equals(scene.getId()))
            .flatMap(s -> s.getCharacterIds().stream()).distinct().toList();
        assertThat(shown).as("%s %s", file.getFileName(), scene.getId()).containsAll(scene.getCharacterIds());
        assertThat(shots).filteredOn(s -> s.getSceneId().equals(scene.getId()))
            .allSatisfy(s -> assertThat(s.getSceneCharacterIds()).isEqualTo(scene.getCharacterIds()));
      }
    }
  }
}
