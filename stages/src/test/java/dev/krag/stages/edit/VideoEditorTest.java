package dev.krag.stages.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.krag.schemas.CheckResult;
import dev.krag.schemas.Critique;
import dev.krag.schemas.ShotAssets;
import dev.krag.schemas.Verdict;
import dev.krag.schemas.VideoEdited;
import dev.krag.stages.Fixtures;
import dev.krag.stages.critique.Critic;
import dev.krag.stages.critique.CriticSettings;
import dev.krag.stages.critique.VideoProbe;
import dev.krag.stages.generate.FreeTtsVoice;
import dev.krag.stages.generate.Narrator;
import dev.krag.stages.generate.ShotGenerator;
import dev.krag.stages.generate.SilhouetteIllustrator;
import dev.krag.stages.store.LocalAssetStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editor and the critic together: what one makes, the other measures. */
class VideoEditorTest {

  @TempDir Path root;
  private LocalAssetStore store;
  private List<ShotAssets> shots;

  @BeforeEach
  void renderTwoShots() throws Exception {
    store = new LocalAssetStore(root);
    ShotGenerator generator = new ShotGenerator(new SilhouetteIllustrator(), Narrator.of(new FreeTtsVoice()), store);
    shots = List.of(
        generator.generate(Fixtures.task("scene-001-shot-01", "scene-001", 0, "It happened that the cat met the fox in a forest.", 2, 2)).assets(),
        generator.generate(Fixtures.task("scene-002-shot-01", "scene-002", 1, "Just then came a hunter with four dogs.", 2, 2)).assets());
  }

  @Test
  void encodesH264AndAacAsLongAsThePlan() throws Exception {
    VideoEditor.Edited edited = new VideoEditor(store).edit(shots, shots.getFirst().getTask().getConfig(), "video.mp4");

    VideoProbe.Facts facts = new VideoProbe().probe(root.resolve("video.mp4"));
    assertThat(facts.videoCodec()).isEqualTo("h264");
    assertThat(facts.audioCodec()).isEqualTo("aac");
    assertThat(facts.width()).isEqualTo(640);
    double planned = shots.stream().mapToDouble(ShotAssets::getDurationSeconds).sum();
    assertThat(edited.plannedSeconds()).isCloseTo(planned, offset(1e-6));
    assertThat(facts.durationSeconds()).isCloseTo(planned, offset(planned * 0.05));
  }

  @Test
  void theCriticAcceptsTheVideoAndRejectsOneThatLostAScene() throws Exception {
    new VideoEditor(store).edit(shots, shots.getFirst().getTask().getConfig(), "video.mp4");
    VideoProbe.Facts facts = new VideoProbe().probe(root.resolve("video.mp4"));
    Critic critic = new Critic(CriticSettings.DEFAULTS);

    Critique whole = critic.critique(edited(shots, 2), facts);
    Critique lostAScene = critic.critique(edited(shots.subList(0, 1), 2), facts);

    assertThat(whole.getVerdict()).isEqualTo(Verdict.ACCEPT);
    assertThat(whole.getChecks()).allMatch(CheckResult::getPassed);
    assertThat(lostAScene.getVerdict()).isEqualTo(Verdict.REJECT);
    assertThat(lostAScene.getChecks()).filteredOn(c -> !c.getPassed()).extracting(CheckResult::getName)
        .contains("scene-coverage", "shot-coverage");
  }

  private static VideoEdited edited(List<ShotAssets> shots, int sceneCount) {
    return VideoEdited.newBuilder()
        .setRunId("run-test").setTitle("t").setIteration(0).setVideoPath("video.mp4")
        .setPlannedSeconds(shots.stream().mapToDouble(ShotAssets::getDurationSeconds).sum() * (sceneCount == 2 && shots.size() == 2 ? 1 : 2))
        .setShots(shots).setSceneCount(sceneCount).setConfig(shots.getFirst().getTask().getConfig()).build();
  }
}
