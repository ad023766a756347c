package dev.krag.stages.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.krag.schemas.CheckResult;
import dev.krag.schemas.Critique;
import dev.krag.schemas.Rect;
import dev.krag.schemas.RenderManifest;
import dev.krag.schemas.RunConfig;
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
import dev.krag.stages.generate.Narrator;
import dev.krag.stages.generate.ShotGenerator;
import dev.krag.stages.generate.SilhouetteIllustrator;
import dev.krag.stages.music.AacFile;
import dev.krag.stages.plan.ShotPlanner;
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
    ShotGenerator generator = Fixtures.generator(new SilhouetteIllustrator(), Narrator.of(new FreeTtsVoice()), store);
    shots = List.of(
        generator.generate(Fixtures.task("scene-001-shot-01", "scene-001", 0, "It happened that the cat met the fox in a forest.", 2, 2)).assets(),
        generator.generate(Fixtures.task("scene-002-shot-01", "scene-002", 1, "Just then came a hunter with four dogs.", 2, 2)).assets());
  }

  @Test
  void encodesH264AndAacAsLongAsTheShotsAndTheCards() throws Exception {
    VideoEditor.Edited edited = new VideoEditor(store, Fixtures.MUSIC).edit("The Fox and the Cat", shots, shots.getFirst().getTask().getConfig(), "video.mp4");

    VideoProbe.Facts facts = new VideoProbe().probe(root.resolve("video.mp4"));
    assertThat(facts.videoCodec()).isEqualTo("h264");
    assertThat(facts.audioCodec()).isEqualTo("aac");
    assertThat(facts.width()).isEqualTo(640);
    double planned = shots.stream().mapToDouble(ShotAssets::getDurationSeconds).sum() + ShotPlanner.TITLE_SECONDS + ShotPlanner.END_SECONDS;
    assertThat(edited.plannedSeconds()).isCloseTo(planned, offset(1e-6));
    assertThat(facts.durationSeconds()).isCloseTo(planned, offset(planned * 0.05));
  }

  @Test
  void underEachShotPlaysTheMusicItsTaskMadeOrWhereItHasNoneMusicPlayedHere() throws Exception {
    RunConfig config = shots.getFirst().getTask().getConfig();
    ShotAssets silenced = ShotAssets.newBuilder(shots.getFirst()).setMusicPath("silence.m4a").build();
    AacFile.write(new short[(int) ((silenced.getDurationSeconds() + 2) * 48_000)], root.resolve("silence.m4a"));
    ShotAssets older = ShotAssets.newBuilder(shots.getFirst()).setMusicPath("").build();
    VideoEditor editor = new VideoEditor(store, Fixtures.MUSIC);

    editor.edit("Made", shots, config, "made.mp4");
    editor.edit("Silenced", List.of(silenced, shots.get(1)), config, "silenced.mp4");
    editor.edit("Older", List.of(older, shots.get(1)), config, "older.mp4");

    // The narration's lead-out at the end of the first shot: whatever sounds there is music.
    double end = ShotPlanner.TITLE_SECONDS + shots.getFirst().getDurationSeconds();
    assertThat(rms(root.resolve("made.mp4"), end - 0.45, end - 0.25)).as("the shot's own music").isGreaterThan(100);
    assertThat(rms(root.resolve("silenced.mp4"), end - 0.45, end - 0.25)).as("its music file is what plays").isLessThan(20);
    assertThat(rms(root.resolve("older.mp4"), end - 0.45, end - 0.25)).as("no file: the editor plays the stretch").isGreaterThan(100);
  }

  private static double rms(Path film, double from, double to) throws Exception {
    short[] sound = DecodedSound.of(film);
    double sum = 0;
    int a = (int) (from * 48_000);
    int b = (int) (to * 48_000);
    for (int i = a; i < b; i++) {
      sum += (double) sound[i] * sound[i];
    }
    return Math.sqrt(sum / (b - a));
  }

  @Test
  void theFilmsSoundMeetsBroadcastLoudnessAfterTheAacEncode() throws Exception {
    new VideoEditor(store, Fixtures.MUSIC).edit("The Fox and the Cat", shots, shots.getFirst().getTask().getConfig(), "video.mp4");

    Ebur128.Reading sound = Ebur128.measure(root.resolve("video.mp4"));

    System.out.printf("film sound after AAC: %.1f LUFS, %.1f dBTP%n", sound.integrated(), sound.truePeak());
    assertThat(sound.integrated()).isCloseTo(-16, offset(1.0));
    assertThat(sound.truePeak()).as("mixed at −2 dBTP, the encoder may move it a little").isLessThanOrEqualTo(-1.0);
  }

  @Test
  void everyShotsNarrationIsASubtitleInTheFileAndInSidecars() throws Exception {
    new VideoEditor(store, Fixtures.MUSIC).edit("The Fox and the Cat", shots, shots.getFirst().getTask().getConfig(), "video.mp4");

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
  void aBlackShotAndAStillShotAreFoundByTheProbeWhereFfmpegFindsThem() throws Exception {
    ShotAssets black = ShotAssets.newBuilder(shots.get(0)).setImagePath(blackStill()).build();
    Rect fixed = Rect.newBuilder().setX(0).setY(0).setWidth(1).setHeight(1).build();
    ShotAssets still = ShotAssets.newBuilder(shots.get(1)).setManifest(RenderManifest.newBuilder(shots.get(1).getManifest())
        .setMotionStart(fixed).setMotionEnd(fixed).build()).build();
    new VideoEditor(store, Fixtures.MUSIC).edit("Broken", List.of(shots.get(0), black, still), shots.getFirst().getTask().getConfig(), "broken.mp4");
    Path video = root.resolve("broken.mp4");

    VideoProbe.Facts facts = new VideoProbe().probe(video);
    String ffmpeg = Ffprobe.videoFilterLog(video, "blackdetect=d=2:pix_th=0.10,freezedetect=n=-60dB:d=2");

    double blackStart = ShotPlanner.TITLE_SECONDS + shots.get(0).getDurationSeconds();
    double stillStart = blackStart + black.getDurationSeconds();
    assertThat(times(ffmpeg, "black_start:")).anySatisfy(t -> assertThat(t).isCloseTo(blackStart, offset(0.1)));
    assertThat(facts.black()).singleElement().satisfies(s -> {
      assertThat(s.start()).isCloseTo(blackStart, offset(0.1));
      assertThat(s.seconds()).isGreaterThan(2.0);
    });
    // The encoder settles for a few frames after a cut, so a still picture reads as still a little late.
    assertThat(times(ffmpeg, "freeze_start: ")).anySatisfy(t -> assertThat(t).isCloseTo(stillStart, offset(0.4)));
    assertThat(facts.frozen()).anySatisfy(s -> {
      assertThat(s.start()).isCloseTo(stillStart, offset(0.4));
      assertThat(s.seconds()).isGreaterThan(2.0);
    });
    assertThat(facts.frozen()).filteredOn(s -> s.end() < blackStart).as("the title and the moving shot never stand still for 2 s")
        .allSatisfy(s -> assertThat(s.seconds()).isLessThan(2.0));
  }

  /** Every time an ffmpeg filter logged after {@code key}. */
  private static List<Double> times(String log, String key) {
    return java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(key) + "([0-9.]+)").matcher(log).results()
        .map(m -> Double.parseDouble(m.group(1))).toList();
  }

  private String blackStill() throws Exception {
    java.awt.image.BufferedImage black = new java.awt.image.BufferedImage(640, 360, java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
    javax.imageio.ImageIO.write(black, "png", root.resolve("black.png").toFile());
    return "black.png";
  }

  @Test
  void theStoryboardShowsEveryShotInAGrid() throws Exception {
    new VideoEditor(store, Fixtures.MUSIC).storyboard("The Fox and the Cat", shots, "storyboard.png");

    java.awt.image.BufferedImage sheet = javax.imageio.ImageIO.read(root.resolve("storyboard.png").toFile());
    assertThat(sheet.getWidth()).isEqualTo(24 + Storyboard.COLUMNS * (Storyboard.THUMB_WIDTH + 24));
    int thumbHeight = Storyboard.THUMB_WIDTH * 9 / 16;
    for (int i = 0; i < shots.size(); i++) {
      int x = 24 + i * (Storyboard.THUMB_WIDTH + 24) + Storyboard.THUMB_WIDTH / 2;
      assertThat(sheet.getRGB(x, 90 + thumbHeight / 3)).as("shot %d's still is on the sheet", i).isNotEqualTo(0xfff4ecd8);
    }
    assertThat(sheet.getRGB(24 + 2 * (Storyboard.THUMB_WIDTH + 24) + 10, 90 + thumbHeight / 3)).as("no third shot").isEqualTo(0xfff4ecd8);
  }

  @Test
  void thePictureMovesSlowlyWithinAShotAndCutsAtTheNext() throws Exception {
    new VideoEditor(store, Fixtures.MUSIC).edit("The Fox and the Cat", shots, shots.getFirst().getTask().getConfig(), "video.mp4");
    double firstShotStart = ShotPlanner.TITLE_SECONDS;
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
    VideoEditor.Edited made = new VideoEditor(store, Fixtures.MUSIC).edit("The Fox and the Cat", shots, shots.getFirst().getTask().getConfig(), "video.mp4");
    VideoProbe.Facts facts = new VideoProbe().probe(root.resolve("video.mp4"));
    Critic critic = new Critic(CriticSettings.DEFAULTS);

    Ebur128.Reading ffmpeg = Ebur128.measure(root.resolve("video.mp4"));
    assertThat(facts.loudness()).as("the critic's meter reads the file as ffmpeg's ebur128 does").isCloseTo(ffmpeg.integrated(), offset(0.5));
    assertThat(facts.truePeak()).isCloseTo(ffmpeg.truePeak(), offset(0.5));

    Critique whole = critic.critique(edited(shots, 2, made.plannedSeconds()), facts);
    Critique lostAScene = critic.critique(edited(shots.subList(0, 1), 2, made.plannedSeconds() * 2), facts);

    assertThat(whole.getVerdict()).as("%s", whole.getChecks()).isIn(Verdict.ACCEPT, Verdict.REFINE);
    assertThat(whole.getChecks()).filteredOn(c -> !c.getPassed()).extracting(CheckResult::getName)
        .as("FreeTTS may read one short line a little fast; nothing else may fail").isSubsetOf("narration-pace");
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
