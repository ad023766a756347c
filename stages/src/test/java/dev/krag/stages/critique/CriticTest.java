package dev.krag.stages.critique;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krag.schemas.CheckResult;
import dev.krag.schemas.Critique;
import dev.krag.schemas.Drawn;
import dev.krag.schemas.Issue;
import dev.krag.schemas.Rect;
import dev.krag.schemas.RenderManifest;
import dev.krag.schemas.RunConfig;
import dev.krag.schemas.Shot;
import dev.krag.schemas.ShotAssets;
import dev.krag.schemas.ShotTask;
import dev.krag.schemas.Verdict;
import dev.krag.schemas.VideoEdited;
import dev.krag.stages.Fixtures;
import dev.krag.stages.critique.VideoProbe.Facts;
import dev.krag.stages.critique.VideoProbe.Stretch;
import dev.krag.stages.plan.ShotPlanner;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each of the critic's checks against an input broken on purpose, from measured facts. */
class CriticTest {

  private static final Rect BOX = Rect.newBuilder().setX(0.2).setY(0.4).setWidth(0.2).setHeight(0.4).build();
  private final Critic critic = new Critic(CriticSettings.DEFAULTS);

  @Test
  void aCharacterOfTheSceneThatNoShotDrawsIsCaught() {
    ShotAssets first = shot(0, "scene-001", List.of("char-fox", "char-cat"), drawn("char-fox", "look-fox"));
    ShotAssets second = shot(1, "scene-001", List.of("char-fox", "char-cat"), drawn("char-fox", "look-fox"));

    CheckResult check = check(critique(List.of(first, second), List.of(), List.of()), "characters-drawn");

    assertThat(check.getPassed()).isFalse();
    assertThat(check.getDetail()).contains("char-cat in scene-001");
    assertThat(check.getShotIds()).containsExactly("scene-001-shot-01");
  }

  @Test
  void aCharacterDrawnAnotherWayInOneShotIsCaughtAtThatShot() {
    ShotAssets a = shot(0, "scene-001", List.of("char-fox"), drawn("char-fox", "look-fox"));
    ShotAssets b = shot(1, "scene-001", List.of("char-fox"), drawn("char-fox", "look-fox"));
    ShotAssets c = shot(2, "scene-001", List.of("char-fox"), drawn("char-fox", "look-other"));

    CheckResult check = check(critique(List.of(a, b, c), List.of(), List.of()), "same-look");

    assertThat(check.getPassed()).isFalse();
    assertThat(check.getShotIds()).containsExactly("scene-001-shot-03");
  }

  @Test
  void aBlackStretchIsRejectedAndAStillOneSentBackToItsShot() {
    ShotAssets a = shot(0, "scene-001", List.of(), List.of());
    ShotAssets b = shot(1, "scene-001", List.of(), List.of());
    double secondShot = ShotPlanner.TITLE_SECONDS + a.getDurationSeconds();

    Critique black = critique(List.of(a, b), List.of(new Stretch(secondShot + 0.5, secondShot + 3.0)), List.of());
    Critique still = critique(List.of(a, b), List.of(), List.of(new Stretch(secondShot + 0.5, secondShot + 3.0)));
    Critique brief = critique(List.of(a, b), List.of(new Stretch(secondShot, secondShot + 1.0)), List.of());

    assertThat(check(black, "no-black").getPassed()).isFalse();
    assertThat(black.getVerdict()).as("black is a hard fault; its shot is made again").isEqualTo(Verdict.REFINE);
    assertThat(check(black, "no-black").getShotIds()).containsExactly("scene-001-shot-02");
    assertThat(check(still, "no-freeze").getShotIds()).containsExactly("scene-001-shot-02");
    assertThat(check(brief, "no-black").getPassed()).as("a second of black is a fade, not a fault").isTrue();
  }

  @Test
  void soundAndPictureOfDifferentLengthsAreOutOfSync() {
    ShotAssets a = shot(0, "scene-001", List.of(), List.of());
    Facts facts = new Facts("h264", "aac", 4.2, 640, 360, 48_000, 4.2, 4.45, List.of(a.getTask().getShot().getNarration()),
        List.of(), List.of(), -16, -1.5);

    assertThat(check(critique(List.of(a), facts), "av-sync").getPassed()).isFalse();
    assertThat(critique(List.of(a), facts).getVerdict()).isEqualTo(Verdict.REJECT);
  }

  @Test
  void soundTooQuietOrPeakingIsCaught() {
    ShotAssets a = shot(0, "scene-001", List.of(), List.of());
    List<String> lines = List.of(a.getTask().getShot().getNarration());

    Facts quiet = new Facts("h264", "aac", 4.2, 640, 360, 48_000, 4.2, 4.2, lines, List.of(), List.of(), -23.9, -6);
    Facts peaking = new Facts("h264", "aac", 4.2, 640, 360, 48_000, 4.2, 4.2, lines, List.of(), List.of(), -16.2, -0.3);
    Facts right = new Facts("h264", "aac", 4.2, 640, 360, 48_000, 4.2, 4.2, lines, List.of(), List.of(), -16.4, -2.0);

    assertThat(check(critique(List.of(a), quiet), "loudness").getPassed()).isFalse();
    assertThat(check(critique(List.of(a), peaking), "loudness").getPassed()).isFalse();
    assertThat(check(critique(List.of(a), right), "loudness").getPassed()).isTrue();
  }

  @Test
  void theSixScoresComeFromTheChecksAndEachFailureIsAnIssueWithItsFix() {
    ShotAssets a = shot(0, "scene-001", List.of("char-fox", "char-cat"), drawn("char-fox", "look-fox"));
    ShotAssets b = shot(1, "scene-001", List.of("char-fox", "char-cat"), drawn("char-fox", "look-other"));

    Critique critique = critique(List.of(a, b), List.of(), List.of());

    assertThat(critique.getScores().getAudioMix()).isEqualTo(5);
    assertThat(critique.getScores().getNarrativeClarity()).isEqualTo(5);
    assertThat(critique.getScores().getContinuity()).as("one character drawn two ways").isLessThan(5);
    assertThat(critique.getScores().getComposition()).as("the cat is never drawn").isLessThan(5);
    assertThat(critique.getIssues()).extracting(Issue::getCheck, Issue::getFixCategory)
        .contains(org.assertj.core.groups.Tuple.tuple("characters-drawn", "redraw"), org.assertj.core.groups.Tuple.tuple("same-look", "redraw"));
  }

  @Test
  void aShotWithoutItsSubtitleIsCaught() {
    ShotAssets a = shot(0, "scene-001", List.of(), List.of());
    ShotAssets b = shot(1, "scene-001", List.of(), List.of());
    Facts facts = new Facts("h264", "aac", 8.4, 640, 360, 48_000, 8.4, 8.4, List.of(a.getTask().getShot().getNarration()),
        List.of(), List.of(), -16, -1.5);

    CheckResult check = check(critique(List.of(a, b), facts), "subtitles");

    assertThat(check.getPassed()).isFalse();
    assertThat(check.getShotIds()).containsExactly("scene-001-shot-02");
  }

  /** The critique of a film whose measured facts are right in all but the black and still stretches given. */
  private Critique critique(List<ShotAssets> shots, List<Stretch> black, List<Stretch> frozen) {
    double planned = shots.stream().mapToDouble(ShotAssets::getDurationSeconds).sum();
    return critique(shots, new Facts("h264", "aac", planned, 640, 360, 48_000, planned, planned,
        shots.stream().map(s -> s.getTask().getShot().getNarration()).toList(), black, frozen, -16, -1.5));
  }

  private Critique critique(List<ShotAssets> planned, Facts facts) {
    List<ShotAssets> shots = planned.stream().map(s -> ShotAssets.newBuilder(s)
        .setTask(ShotTask.newBuilder(s.getTask()).setShotCount(planned.size()).build()).build()).toList();
    return critic.critique(VideoEdited.newBuilder().setRunId("run-test").setTitle("t").setIteration(0).setVideoPath("v.mp4")
        .setPlannedSeconds(facts.durationSeconds()).setShots(shots).setSceneCount(1)
        .setConfig(RunConfig.newBuilder(shots.getFirst().getTask().getConfig()).setMaxIterations(2).build()).build(), facts);
  }

  private static CheckResult check(Critique critique, String name) {
    assertThat(critique.getVerdict()).isIn(Verdict.REFINE, Verdict.REJECT, Verdict.ACCEPT);
    return critique.getChecks().stream().filter(c -> c.getName().equals(name)).findFirst().orElseThrow();
  }

  private static List<Drawn> drawn(String id, String look) {
    return List.of(Drawn.newBuilder().setKind("character").setId(id).setBox(BOX).setLook(look).build());
  }

  private static ShotAssets shot(int index, String sceneId, List<String> sceneCast, List<Drawn> drawn) {
    String shotId = String.format("%s-shot-%02d", sceneId, index + 1);
    ShotTask task = Fixtures.task(shotId, sceneId, index, "Shot number " + (index + 1) + " of the film is read aloud here.", 3, 1);
    Shot shot = Shot.newBuilder(task.getShot()).setSceneCharacterIds(sceneCast).build();
    return ShotAssets.newBuilder().setTask(ShotTask.newBuilder(task).setShot(shot).build()).setImagePath("i").setAudioPath("a")
        .setAudioSeconds(3.6).setDurationSeconds(4.2).setInputsHash("h")
        .setManifest(RenderManifest.newBuilder().setDrawn(drawn).build()).build();
  }
}
