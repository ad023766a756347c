package dev.krag.stages.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krag.schemas.Camera;
import dev.krag.schemas.RunConfig;
import dev.krag.schemas.Shot;
import dev.krag.schemas.ShotMusic;
import java.util.List;
import org.junit.jupiter.api.Test;

class MusicPlannerTest {

  private static final RunConfig CONFIG = RunConfig.newBuilder().build();

  @Test
  void eachSceneIsOnePieceThatItsShotsPlayInTurnTheFirstBeginningUnderTheTitle() {
    List<Shot> shots = MusicPlanner.scored(List.of(
        shot("scene-1", 0, "The cat met the fox in a forest.", 2.5),
        shot("scene-1", 1, "She greeted him kindly.", 3.01),
        shot("scene-1", 2, "He said nothing.", 2.0),
        shot("scene-2", 3, "At night the wolf came out of the dark wood.", 4.0),
        shot("scene-2", 4, "The wicked wolf was hungry.", 3.0)), CONFIG);

    List<ShotMusic> music = shots.stream().map(Shot::getMusic).toList();
    double frame = 1.0 / CONFIG.getFps();
    assertThat(music).extracting(ShotMusic::getFromSeconds).containsExactly(
        ShotPlanner.TITLE_SECONDS,
        ShotPlanner.TITLE_SECONDS + 2.5,
        ShotPlanner.TITLE_SECONDS + 2.5 + Math.ceil(3.01 / frame) * frame,
        0.0,
        4.0);
    assertThat(music.subList(0, 3)).extracting(ShotMusic::getSeed).containsOnly(music.getFirst().getSeed());
    assertThat(music.subList(3, 5)).extracting(ShotMusic::getSeed).containsOnly(music.get(3).getSeed())
        .doesNotContain(music.getFirst().getSeed());
    assertThat(music).extracting(ShotMusic::getMood).containsExactly("TENDER", "TENDER", "TENDER", "DARK", "DARK");
    assertThat(MusicPlanner.scored(shots, CONFIG)).as("the same plan, the same music").isEqualTo(shots);
  }

  private static Shot shot(String scene, int index, String narration, double seconds) {
    return Shot.newBuilder().setShotId(scene + "-shot-" + index).setSceneId(scene).setIndex(index).setDurationSeconds(seconds)
        .setCamera(Camera.WIDE).setNarration(narration).setImagePrompt("a forest").setLocationId("loc-forest").build();
  }
}
