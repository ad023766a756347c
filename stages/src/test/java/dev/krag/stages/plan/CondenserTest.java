package dev.krag.stages.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krag.schemas.RunConfig;
import dev.krag.schemas.Scene;
import dev.krag.schemas.Shot;
import dev.krag.stages.SharedStories;
import dev.krag.stages.SharedStories.Tale;
import dev.krag.stages.parse.LocalStoryParser;
import dev.krag.stages.parse.SceneGraph;
import dev.krag.stages.text.Sentences;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CondenserTest {

  private final SceneGraph hansel = parse("18-hansel-and-gretel.txt");

  @Test
  void aTargetDurationShortensTheFilmToAboutThatLengthAndKeepsEveryScene() {
    RunConfig config = RunConfig.newBuilder().setTargetDurationSeconds(180.0).build();

    List<Shot> shots = new ShotPlanner().plan(hansel, config);

    double total = shots.stream().mapToDouble(Shot::getDurationSeconds).sum();
    assertThat(total).isBetween(180.0 * 0.8, 180.0 * 1.1);
    assertThat(shots.stream().map(Shot::getSceneId).collect(Collectors.toSet()))
        .containsExactlyInAnyOrderElementsOf(hansel.scenes().stream().map(Scene::getId).toList());
  }

  @Test
  void condensingKeepsWholeSentencesOfTheStoryInTheirOrder() {
    RunConfig config = RunConfig.newBuilder().setTargetDurationSeconds(120.0).build();

    List<Shot> shots = new ShotPlanner().plan(hansel, config);

    String story = hansel.scenes().stream().map(Scene::getText).collect(Collectors.joining(" "));
    int lastAt = -1;
    for (Shot shot : shots) {
      for (var sentence : Sentences.split(shot.getNarration())) {
        int at = story.indexOf(sentence.text(), lastAt + 1);
        assertThat(at).as("kept verbatim and in order: %s", sentence.text()).isGreaterThan(lastAt);
        lastAt = at;
      }
    }
  }

  @Test
  void aStoryShorterThanTheTargetIsLeftWhole() {
    SceneGraph fox = parse("43-the-fox-and-the-cat.txt");
    List<Shot> whole = new ShotPlanner().plan(fox, RunConfig.newBuilder().build());

    List<Shot> targeted = new ShotPlanner().plan(fox, RunConfig.newBuilder().setTargetDurationSeconds(3600.0).build());

    assertThat(targeted).isEqualTo(whole);
  }

  private static SceneGraph parse(String file) {
    Tale tale = SharedStories.read(SharedStories.grimm(file));
    return new LocalStoryParser().parse(tale.title(), tale.text());
  }
}
