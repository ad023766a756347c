package dev.krag.deploy.cli;

import dev.krag.deploy.KragConfig;
import dev.krag.deploy.AnalyticsSinks;
import dev.krag.deploy.Platform;
import dev.krag.api.Ids;
import dev.krag.api.Publisher;
import dev.krag.deploy.RunWatcher;
import dev.krag.schemas.Run;
import dev.krag.schemas.RunRequested;
import dev.krag.schemas.RunStatus;
import dev.krag.schemas.Story;
import dev.krag.schemas.StorySource;
import dev.krag.schemas.Topics;
import dev.krag.stages.edit.VideoEditor;
import dev.krag.stages.store.AssetStore;
import dev.krag.schemas.AssetKeys;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code krag run FILE}: starts the platform, posts the story and a run request, follows the run
 * to its end and reports it. Only a completed run exits 0.
 */
final class RunCommand {

  /** How long the run's records may take to reach the analytics tables once it has ended. */
  private static final Duration SINK_TIMEOUT = Duration.ofSeconds(60);
  /** A run stopped by its budget: not a fault, but no film either. */
  static final int EXIT_BUDGET_EXCEEDED = 3;

  private RunCommand() {}

  static int run(Path file, boolean json, KragConfig config, PrintStream out, PrintStream err) throws Exception {
    StoryFile story = StoryFile.read(file, config.maxStoryBytes());
    String storyId = Ids.story(story.text());
    String runId = Ids.run();
    Path runtime = config.outDir().resolve("runtime").resolve(runId);
    err.printf("krag run %s  (%s)%n", runId, story.title());
    config.describe().forEach((k, v) -> err.printf("  %-10s %s%n", k, v));
    long started = System.nanoTime();
    RunWatcher.Outcome outcome;
    try (Platform platform = Platform.start(config, runtime);
         RunWatcher watcher = new RunWatcher(platform.bootstrapServers(), platform.serdes());
         Publisher publisher = new Publisher(platform.bootstrapServers(), platform.serdes())) {
      err.printf("  %-10s ready in %.1f s%n", "platform", (System.nanoTime() - started) / 1e9);
      long now = System.currentTimeMillis();
      publisher.send(Topics.STORIES, storyId, Story.newBuilder()
          .setStoryId(storyId).setTitle(story.title()).setText(story.text()).setSource(StorySource.CLI).setCreatedAt(now)
          .build());
      publisher.send(Topics.RUNS_REQUESTED, runId, RunRequested.newBuilder()
          .setRunId(runId).setStoryId(storyId).setTitle(story.title()).setText(story.text()).setConfig(config.run())
          .setRequestedAt(now).build());
      Progress progress = new Progress(err);
      outcome = watcher.await(runId, config.runTimeout(), config.stallTimeout(), progress::on);
      download(platform.assets(), outcome.run(), config.outDir());
      // The embedded broker goes with the run: its records must be in the tables before it does.
      for (AnalyticsSinks analytics : platform.analytics().stream().toList()) {
        boolean written = analytics.awaitCaughtUp(platform.bootstrapServers(), SINK_TIMEOUT);
        err.printf("  %-10s %s%n", "analytics", (written ? "rows written to " : "rows NOT all written (see the log) to ")
            + analytics.databaseUrl());
      }
    } finally {
      deleteQuietly(runtime);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    return report(runId, outcome, config, seconds, json, out, err);
  }

  /**
   * The finished film, its subtitles and storyboard, fetched from the bucket into the output folder
   * under their keys: the bucket may be remote, or embedded and gone when the platform closes.
   */
  private static void download(AssetStore assets, Run run, Path outDir) throws IOException {
    if (run == null || run.getVideoPath() == null || !assets.exists(run.getVideoPath())) {
      return;
    }
    List<String> keys = new ArrayList<>(List.of(run.getVideoPath(), AssetKeys.storyboard(run.getRunId())));
    VideoEditor.SUBTITLE_FORMATS.forEach(format -> keys.add(AssetKeys.sidecar(run.getVideoPath(), format)));
    for (String key : keys) {
      Path target = outDir.resolve(key);
      Files.createDirectories(target.getParent());
      Files.copy(assets.localPath(key), target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static int report(String runId, RunWatcher.Outcome outcome, KragConfig config, double seconds, boolean json,
      PrintStream out, PrintStream err) {
    Run run = outcome.run();
    boolean completed = run != null && run.getStatus() == RunStatus.COMPLETED && run.getVideoPath() != null
        && Files.isRegularFile(config.outDir().resolve(run.getVideoPath()));
    boolean overBudget = run != null && run.getStatus() == RunStatus.BUDGET_EXCEEDED;
    String status = completed ? RunStatus.COMPLETED.name() : overBudget ? RunStatus.BUDGET_EXCEEDED.name() : "FAILED";
    String reason = outcome.timedOut() ? outcome.reason()
        : run == null ? "the run left no state"
        : run.getError() != null ? run.getError()
        : !completed ? "the run completed without a video" : "";
    Path video = run == null || run.getVideoPath() == null ? null : config.outDir().resolve(run.getVideoPath()).toAbsolutePath();
    Path storyboard = config.outDir().resolve(AssetKeys.storyboard(runId)).toAbsolutePath();
    if (json) {
      out.println(Json.write(summary(runId, status, reason, video, storyboard, run)));
    }
    if (completed) {
      err.printf("%n  final video  %s (subtitles: final.srt, final.vtt)%n", video);
      err.printf("  storyboard   %s%n", storyboard);
      err.printf(Locale.ROOT, "  duration     %.1f s, %d scenes, %d shots%n", run.getDurationSeconds(), run.getScenes(), run.getShots());
      err.printf(Locale.ROOT, "  cost         $%.4f (%.1f s of local compute)   critic score %.2f (%s after %d iteration%s)%n",
          run.getCostUsd(), run.getComputeSeconds(), run.getCriticScore(), run.getVerdict(), run.getIteration() + 1,
          run.getIteration() == 0 ? "" : "s");
      err.printf(Locale.ROOT, "  wall time    %.1f s%n", seconds);
      if (!json) {
        out.println(video);
      }
      return 0;
    }
    err.printf(Locale.ROOT, "%nkrag: run %s %s: %s (spent $%.4f)%n", runId, status, reason, run == null ? 0 : run.getCostUsd());
    return overBudget ? EXIT_BUDGET_EXCEEDED : 1;
  }

  private static Map<String, Object> summary(String runId, String status, String reason, Path video, Path storyboard, Run run) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("runId", runId);
    m.put("status", status);
    m.put("video", video == null ? null : video.toString());
    m.put("subtitles", video == null ? List.of()
        : VideoEditor.SUBTITLE_FORMATS.stream().map(ext -> video.resolveSibling("final." + ext).toString()).toList());
    m.put("storyboard", video == null ? null : storyboard.toString());
    m.put("durationSeconds", run == null ? 0 : run.getDurationSeconds());
    m.put("plannedSeconds", run == null ? 0 : Double.parseDouble(run.getStageOutputs().getOrDefault("plan.plannedSeconds", "0")));
    m.put("editSeconds", run == null ? 0 : Double.parseDouble(run.getStageOutputs().getOrDefault("edit.encodeSeconds", "0")));
    m.put("scenes", run == null ? 0 : run.getScenes());
    m.put("shots", run == null ? 0 : run.getShots());
    m.put("costUsd", run == null ? 0 : run.getCostUsd());
    Map<String, Object> critic = new LinkedHashMap<>();
    critic.put("score", run == null ? 0 : run.getCriticScore());
    critic.put("verdict", run == null || run.getVerdict() == null ? null : run.getVerdict().name());
    critic.put("iterations", run == null ? 0 : run.getIteration() + 1);
    m.put("critic", critic);
    if (!reason.isEmpty()) {
      m.put("error", reason);
    }
    return m;
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      Files.deleteIfExists(dir.getParent()); // only if no other run is using it
    } catch (IOException e) {
      // leftovers of a finished run's broker are harmless; the next run uses a folder of its own
    }
  }
}
