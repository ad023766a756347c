package dev.krag.stages.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.krag.schemas.CheckResult;
import dev.krag.schemas.Critique;
import dev.krag.schemas.ShotAssets;
import dev.krag.schemas.Verdict;
import dev.krag.schemas.VideoEdited;
import dev.krag.stages.Ebur128;
import dev.krag.stages.Ffprobe;
import dev.krag.stages.Fixtures;
import dev.krag.stages.critique.Critic;
import dev.krag.stages.critique.CriticSettings;
import dev.krag.stages.critique.VideoProbe;
import dev.krag.stages.generate.FreeTtsVoice;
import dev.krag.stages.generate.ShotGenerator;
import dev.krag.stages.generate.SilhouetteIllustrator;
import dev.krag.stages.store.LocalAssetStore;
import java.nio.file.Files;
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
    ShotGenerator generator = new ShotGenerator(new SilhouetteIllustrator(), new FreeTtsVoice(), store);
    shots = List.of(
        generator.generate(Fixtures.task("scene-001-shot-01", "scene-001", 0, "It happened that the cat met the fox in a forest.", 2, 2)).assets(),
        generator.generate(Fixtures.task("scene-002-shot-01", "scene-002", 1, "Just then came a hunter with four dogs.", 2, 2)).assets());
  }

  @Test
  void encodesH264AndAacAsLongAsTheShotsAndTheCards() throws Exception {
    VideoEditor.Edited edited = new VideoEditor(store).edit("The Fox and the Cat", shots, shots.getFirst().getTask().getConfig(), "video.mp4");

    VideoProbe.Facts facts = new VideoProbe().probe(root.resolve("video.mp4"));
    assertThat(facts.videoCodec()).isEqualTo("h264");
    assertThat(facts.audioCodec()).isEqualTo("aac");
    assertThat(facts.width()).isEqualTo(640);
    double planned = shots.stream().mapToDouble(ShotAssets::getDurationSeconds).sum() + VideoEditor.TITLE_SECONDS + VideoEditor.END_SECONDS;
    assertThat(edited.plannedSeconds()).isCloseTo(planned, offset(1e-6));
    assertThat(facts.durationSeconds()).isCloseTo(planned, offset(planned * 0.05));
  }

  @Test
  void theFilmsSoundMeetsBroadcastLoudnessAfterTheAacEncode() throws Exception {
    new VideoEditor(store).edit("The Fox and the Cat", shots, shots.getFirst().getTask().getConfig(), "video.mp4");

    Ebur128.Reading sound = Ebur128.measure(root.resolve("video.mp4"));

    System.out.printf("film sound after AAC: %.1f LUFS, %.1f dBTP%n", sound.integrated(), sound.truePeak());
    assertThat(sound.integrated()).isCloseTo(-16, offset(1.0));
    assertThat(sound.truePeak()).as("mixed at −2 dBTP, the encoder may move it a little").isLessThanOrEqualTo(-1.0);
  }

  @Test
  void everyShotsNarrationIsASubtitleInTheFileAndInSidecars() throws Exception {
    new VideoEditor(store).edit("The Fox and the Cat", shots, shots.getFirst().getTask().getConfig(), "video.mp4");

    assertThat(Ffprobe.probe(root.resolve("video.mp4")).get("streams").findValuesAsText("codec_name"))
        .containsExactlyInAnyOrder("h264", "aac", "mov_text");
    String srt = Files.readString(root.resolve("video.srt"));
    String vtt = Files.readString(root.resolve("video.vtt"));
    assertThat(srt).startsWith("1\n00:00:03,500 --> ").contains("It happened that the cat met the fox in a forest.")
        .contains("\n2\n").contains("Just then came a hunter with four dogs.");
    assertThat(vtt).startsWith("WEBVTT\n\n00:00:03.500 --> ");
    assertThat(Ffprobe.subtitleText(root.resolve("video.mp4")))
        .contains("It happened that the cat met the fox in a forest.", "Just then came a hunter with four dogs.");
  }

  @Test
  void thePictureMovesSlowlyWithinAShotAndCutsAtTheNext() throws Exception {
    new VideoEditor(store).edit("The Fox and the Cat", shots, shots.getFirst().getTask().getConfig(), "video.mp4");
    double firstShotStart = VideoEditor.TITLE_SECONDS;
    double secondShotStart = firstShotStart + shots.getFirst().getDurationSeconds();

    double drift = Frames.meanDifference(root.resolve("video.mp4"), firstShotStart + 0.5, firstShotStart + 1.0);
    double stillness = Frames.meanDifference(root.resolve("video.mp4"), firstShotStart + 0.5, firstShotStart + 0.5);
    double change = Frames.meanDifference(root.resolve("video.mp4"), firstShotStart + 0.5, secondShotStart + 0.5);

    assertThat(stillness).isLessThan(0.5);
    assertThat(drift).as("half a second of pan and zoom moves the picture a little").isBetween(0.3, 12.0);
    assertThat(change).as("another shot is another picture").isGreaterThan(drift);
  }

  @Test
  void theCriticAcceptsTheVideoAndRejectsOneThatLostAScene() throws Exception {
    VideoEditor.Edited made = new VideoEditor(store).edit("The Fox and the Cat", shots, shots.getFirst().getTask().getConfig(), "video.mp4");
    VideoProbe.Facts facts = new VideoProbe().probe(root.resolve("video.mp4"));
    Critic critic = new Critic(CriticSettings.DEFAULTS);

    Critique whole = critic.critique(edited(shots, 2, made.plannedSeconds()), facts);
    Critique lostAScene = critic.critique(edited(shots.subList(0, 1), 2, made.plannedSeconds() * 2), facts);

    assertThat(whole.getVerdict()).isEqualTo(Verdict.ACCEPT);
    assertThat(whole.getChecks()).allMatch(CheckResult::getPassed);
    assertThat(lostAScene.getVerdict()).isEqualTo(Verdict.REJECT);
    assertThat(lostAScene.getChecks()).filteredOn(c -> !c.getPassed()).extracting(CheckResult::getName)
        .contains("scene-coverage", "shot-coverage");
  }

  private static VideoEdited edited(List<ShotAssets> shots, int sceneCount, double plannedSeconds) {
    return VideoEdited.newBuilder()
        .setRunId("run-test").setTitle("t").setIteration(0).setVideoPath("video.mp4")
        .setPlannedSeconds(plannedSeconds)
        .setShots(shots).setSceneCount(sceneCount).setConfig(shots.getFirst().getTask().getConfig()).build();
  }
}
