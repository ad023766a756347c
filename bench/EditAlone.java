import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.krag.schemas.AssetKeys;
import dev.krag.schemas.AvroJson;
import dev.krag.schemas.RenderManifest;
import dev.krag.schemas.Shot;
import dev.krag.schemas.ShotAssets;
import dev.krag.schemas.ShotTask;
import dev.krag.schemas.ShotsPlanned;
import dev.krag.stages.edit.VideoEditor;
import dev.krag.stages.generate.Narrator;
import dev.krag.stages.generate.ShotGenerator;
import dev.krag.stages.generate.Wav;
import dev.krag.stages.music.Composer;
import dev.krag.stages.music.PiecePlayer;
import dev.krag.stages.music.Synth;
import dev.krag.stages.store.LocalAssetStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The editor alone: a finished run's shots edited again in a JVM of their own, with nothing else
 * of the platform beside them, to tell the editor's own time from what the rest of a run costs
 * it. The shots are rebuilt from the run's stored plan and assets (one frame and one reading per
 * shot: a run that was refined is refused). Prints each edit's wall and CPU seconds, one line each.
 *
 *   java -cp KRAG_CLASS_PATH bench/EditAlone.java BUCKET_DIR RUN_ID TIMES
 */
public class EditAlone {

  private static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) throws Exception {
    Path bucket = Path.of(args[0]);
    String runId = args[1];
    int times = Integer.parseInt(args[2]);
    ShotsPlanned plan = AvroJson.read(Files.readAllBytes(bucket.resolve(AssetKeys.shotPlan(runId))), ShotsPlanned.class);
    List<ShotAssets> shots = new ArrayList<>();
    for (Shot shot : plan.getShots()) {
      shots.add(assets(bucket, plan, shot));
    }
    VideoEditor editor = new VideoEditor(new LocalAssetStore(bucket), new PiecePlayer(new Composer(), new Synth()));
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    for (int i = 1; i <= times; i++) {
      long cpu = os.getProcessCpuTime();
      long started = System.nanoTime();
      VideoEditor.Edited edited = editor.edit(plan.getTitle(), shots, plan.getConfig(), "bench/" + runId + "/draft.mp4");
      System.out.printf(Locale.ROOT, "edit %d: %.1f s of film, %.1f s wall, %.1f s cpu%n", i, edited.plannedSeconds(),
          (System.nanoTime() - started) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9);
    }
  }

  /** The shot as the edit request held it: its one frame, manifest, reading, cues and music, and its screen time. */
  private static ShotAssets assets(Path bucket, ShotsPlanned plan, Shot shot) throws IOException {
    String run = plan.getRunId();
    String image = only(bucket, "assets/" + run + "/images", shot.getShotId() + "-", ".png");
    String voice = only(bucket, "assets/" + run + "/audio", "voiceover-" + shot.getShotId() + "-", ".wav");
    String music = only(bucket, "assets/" + run + "/audio", "music-" + shot.getShotId() + "-", ".m4a");
    RenderManifest manifest = AvroJson.read(Files.readAllBytes(bucket.resolve(image.replace(".png", ".json"))), RenderManifest.class);
    List<Narrator.Spoken> spoken =
        JSON.readValue(Files.readAllBytes(bucket.resolve(voice.replace(".wav", ".cues.json"))), new TypeReference<>() {});
    double audioSeconds;
    try (InputStream wav = Files.newInputStream(bucket.resolve(voice))) {
      audioSeconds = Wav.decode(wav).seconds();
    }
    ShotTask task = ShotTask.newBuilder().setRunId(run).setTitle(plan.getTitle()).setIteration(0)
        .setShotCount(plan.getShots().size()).setSceneCount(plan.getSceneCount()).setShot(shot)
        .setLocation(plan.getLocations().getFirst()).setConfig(plan.getConfig()).build();
    return ShotAssets.newBuilder().setTask(task).setImagePath(image).setAudioPath(voice).setAudioSeconds(audioSeconds)
        .setDurationSeconds(ShotGenerator.screenTime(task, audioSeconds)).setInputsHash(image).setManifest(manifest)
        .setCues(spoken.stream().map(Narrator.Spoken::cue).toList()).setMusicPath(music).build();
  }

  /** The key of the one file in {@code folder} named {@code prefix…suffix}; more than one means the run was refined. */
  private static String only(Path bucket, String folder, String prefix, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(bucket.resolve(folder))) {
      List<String> found = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix) && n.endsWith(suffix)).toList();
      if (found.size() != 1) {
        throw new IllegalStateException(found.size() + " files " + prefix + "*" + suffix + " in " + folder + "; needs a run edited once");
      }
      return folder + "/" + found.getFirst();
    }
  }
}
