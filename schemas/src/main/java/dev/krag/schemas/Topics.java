package dev.krag.schemas;

import dev.krag.schemas.Topic.Cleanup;
import java.time.Duration;
import java.util.List;

/**
 * The one catalogue of krag's topics. No topic name is written anywhere else.
 *
 * <p>Names follow {@code krag.<entity>[.<event>].v<N>}. Every run-keyed topic has {@link
 * #RUN_PARTITIONS} partitions so that the bookkeeping processors that join them by run id are
 * co-partitioned; shot tasks have more, so that generation fans out over more workers.
 */
public final class Topics {

  /** Partitions of every topic keyed by run id (they must all agree). */
  public static final int RUN_PARTITIONS = 3;

  /** Partitions of the shot-task topic, the unit of parallel generation. */
  public static final int SHOT_TASK_PARTITIONS = 6;

  private static final Duration WEEK = Duration.ofDays(7);

  public static final Topic<String, Story> STORIES =
      new Topic<>("krag.stories.v1", String.class, Story.class, RUN_PARTITIONS, Cleanup.COMPACT, null);

  public static final Topic<String, RunRequested> RUNS_REQUESTED =
      run("krag.runs.requested.v1", RunRequested.class);

  public static final Topic<String, ScenesParsed> SCENES_PARSED =
      run("krag.scenes.parsed.v1", ScenesParsed.class);

  public static final Topic<String, ShotsPlanned> SHOTS_PLANNED =
      run("krag.shots.planned.v1", ShotsPlanned.class);

  public static final Topic<String, ShotTask> SHOT_TASKS =
      new Topic<>("krag.shot-tasks.v1", String.class, ShotTask.class, SHOT_TASK_PARTITIONS, Cleanup.DELETE, WEEK);

  public static final Topic<String, ShotAssets> ASSETS_GENERATED =
      run("krag.assets.generated.v1", ShotAssets.class);

  public static final Topic<String, EditRequested> EDITS_REQUESTED =
      run("krag.edits.requested.v1", EditRequested.class);

  public static final Topic<String, VideoEdited> VIDEOS_EDITED =
      run("krag.videos.edited.v1", VideoEdited.class);

  public static final Topic<String, Critique> CRITIQUES = run("krag.critiques.v1", Critique.class);

  public static final Topic<String, Feedback> FEEDBACK = run("krag.feedback.v1", Feedback.class);

  public static final Topic<String, RunEvent> RUN_EVENTS = run("krag.run-events.v1", RunEvent.class);

  public static final Topic<String, CostEvent> COSTS = run("krag.costs.v1", CostEvent.class);

  /** The cost events as the bookkeeping counted them (each once), keyed by "provider:model" for the daily windows. */
  public static final Topic<String, CostEvent> COSTS_BY_MODEL =
      new Topic<>("krag.costs.by-model.v1", String.class, CostEvent.class, RUN_PARTITIONS, Cleanup.DELETE, WEEK);

  /** A provider and model's day that cost more than twice its trailing daily average. */
  public static final Topic<String, CostSpike> COST_ALERTS =
      new Topic<>("krag.cost-alerts.v1", String.class, CostSpike.class, 1, Cleanup.DELETE, Duration.ofDays(30));

  public static final Topic<String, Run> RUNS =
      new Topic<>("krag.runs.v1", String.class, Run.class, RUN_PARTITIONS, Cleanup.COMPACT, null);

  /** The analytics table `assets`, row by row, projected from the generated assets and videos. */
  public static final Topic<String, AssetRow> ASSET_ROWS =
      new Topic<>("krag.asset-rows.v1", String.class, AssetRow.class, RUN_PARTITIONS, Cleanup.COMPACT, null);

  /** The analytics table `feedback`, row by row, projected from critiques and people's feedback. */
  public static final Topic<String, FeedbackRow> FEEDBACK_ROWS =
      new Topic<>("krag.feedback-rows.v1", String.class, FeedbackRow.class, RUN_PARTITIONS, Cleanup.COMPACT, null);

  /** Records no stage could read or process, raw, with the reason in their headers. */
  public static final Topic<byte[], byte[]> DLQ =
      new Topic<>("krag.dlq.v1", byte[].class, byte[].class, 1, Cleanup.DELETE, Duration.ofDays(30));

  /** The API's service-account keys, hashed; one partition, read whole by every API instance. */
  public static final Topic<String, ApiKey> API_KEYS =
      new Topic<>("krag.api-keys.v1", String.class, ApiKey.class, 1, Cleanup.COMPACT, null);

  private Topics() {}

  /** Every topic, in flow order. */
  public static List<Topic<?, ?>> all() {
    return List.of(
        STORIES, RUNS_REQUESTED, SCENES_PARSED, SHOTS_PLANNED, SHOT_TASKS, ASSETS_GENERATED,
        EDITS_REQUESTED, VIDEOS_EDITED, CRITIQUES, FEEDBACK, RUN_EVENTS, COSTS, COSTS_BY_MODEL, COST_ALERTS, RUNS, ASSET_ROWS,
        FEEDBACK_ROWS, API_KEYS, DLQ);
  }

  /** The key of a shot task: the run, then the shot, so tasks spread over partitions. */
  public static String shotTaskKey(String runId, String shotId) {
    return runId + "/" + shotId;
  }

  private static <V> Topic<String, V> run(String name, Class<V> valueType) {
    return new Topic<>(name, String.class, valueType, RUN_PARTITIONS, Cleanup.DELETE, WEEK);
  }
}
