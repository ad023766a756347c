package dev.krag.topologies.analytics;

import dev.krag.schemas.AssetRow;
import dev.krag.schemas.Critique;
import dev.krag.schemas.Feedback;
import dev.krag.schemas.FeedbackAction;
import dev.krag.schemas.FeedbackRow;
import dev.krag.schemas.Issue;
import dev.krag.schemas.Scores;
import dev.krag.schemas.Shot;
import dev.krag.schemas.ShotAssets;
import dev.krag.schemas.Topics;
import dev.krag.schemas.VideoEdited;
import dev.krag.topologies.Wiring;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The rows of the analytics tables whose records are not one-to-one with a topic's: a rendered
 * shot is two assets (its frame and its narration), an edit one more (the video); a critique is
 * one feedback row per iteration, a person's word one per shot. Projected to row topics that a
 * sink connector writes as they are, keyed by row ids made from the records, so a redelivered
 * record gives the same rows.
 */
public final class AnalyticsRows {

  static final String SHOT_ASSET_ROWS = "asset-rows-of-shots";
  static final String VIDEO_ASSET_ROWS = "asset-rows-of-videos";
  static final String CRITIC_FEEDBACK_ROWS = "feedback-rows-of-critiques";
  static final String PERSON_FEEDBACK_ROWS = "feedback-rows-of-people";

  private AnalyticsRows() {}

  /**
   * Adds the projections to a topology that already reads the assets, critiques and feedback
   * topics through {@code wiring} (the bookkeeping one); the videos topic is read here.
   */
  public static void addTo(Topology topology, Wiring wiring) {
    topology.addProcessor(SHOT_ASSET_ROWS, () -> new RowProjection<>(AnalyticsRows::assetsOf),
        Wiring.sourceName(Topics.ASSETS_GENERATED));
    topology.addProcessor(VIDEO_ASSET_ROWS, () -> new RowProjection<>(AnalyticsRows::assetsOfVideo),
        wiring.source(Topics.VIDEOS_EDITED));
    topology.addProcessor(CRITIC_FEEDBACK_ROWS, () -> new RowProjection<>(AnalyticsRows::feedbackOf),
        Wiring.sourceName(Topics.CRITIQUES));
    topology.addProcessor(PERSON_FEEDBACK_ROWS, () -> new RowProjection<>(AnalyticsRows::feedbackOfPerson),
        Wiring.sourceName(Topics.FEEDBACK));
    wiring.sink(Topics.ASSET_ROWS, SHOT_ASSET_ROWS, VIDEO_ASSET_ROWS);
    wiring.sink(Topics.FEEDBACK_ROWS, CRITIC_FEEDBACK_ROWS, PERSON_FEEDBACK_ROWS);
  }

  /** A shot's frame, narration and music; the file keys name the hash of their inputs, so they are the ids. */
  static List<KeyValue<String, AssetRow>> assetsOf(Record<String, ShotAssets> record) {
    ShotAssets assets = record.value();
    Shot shot = assets.getTask().getShot();
    Map<String, String> shared = new LinkedHashMap<>();
    shared.put("shot", shot.getShotId());
    shared.put("scene", shot.getSceneId());
    shared.put("iteration", Integer.toString(assets.getTask().getIteration()));
    shared.put("inputsHash", assets.getInputsHash());
    Map<String, String> image = new LinkedHashMap<>(shared);
    image.put("camera", shot.getCamera().name());
    image.put("prompt", shot.getImagePrompt());
    Map<String, String> audio = new LinkedHashMap<>(shared);
    audio.put("narration", shot.getNarration());
    audio.put("seconds", Double.toString(assets.getAudioSeconds()));
    String runId = assets.getTask().getRunId();
    List<KeyValue<String, AssetRow>> rows = new ArrayList<>(List.of(
        row(asset(assets.getImagePath(), runId, "image", image, record.timestamp())),
        row(asset(assets.getAudioPath(), runId, "audio", audio, record.timestamp()))));
    if (!assets.getMusicPath().isEmpty()) {
      Map<String, String> music = new LinkedHashMap<>(shared);
      music.put("stem", "music");
      music.put("mood", shot.getMusic().getMood());
      music.put("fromSeconds", Double.toString(shot.getMusic().getFromSeconds()));
      rows.add(row(asset(assets.getMusicPath(), runId, "audio", music, record.timestamp())));
    }
    return rows;
  }

  /** An iteration's video: its path is the same for every iteration, so the id names the iteration. */
  static List<KeyValue<String, AssetRow>> assetsOfVideo(Record<String, VideoEdited> record) {
    VideoEdited video = record.value();
    Map<String, String> params = new LinkedHashMap<>();
    params.put("iteration", Integer.toString(video.getIteration()));
    params.put("shots", Integer.toString(video.getShots().size()));
    params.put("plannedSeconds", Double.toString(video.getPlannedSeconds()));
    String id = video.getRunId() + "/video/" + video.getIteration();
    return List.of(row(asset(id, video.getRunId(), "video", params, record.timestamp()).setFilePath(video.getVideoPath())));
  }

  /** The critic's judgement of one iteration of a run. */
  static List<KeyValue<String, FeedbackRow>> feedbackOf(Record<String, Critique> record) {
    Critique critique = record.value();
    Scores s = critique.getScores();
    Map<String, Double> scores = new LinkedHashMap<>();
    scores.put("narrativeClarity", (double) s.getNarrativeClarity());
    scores.put("hook", (double) s.getHook());
    scores.put("pacing", (double) s.getPacing());
    scores.put("composition", (double) s.getComposition());
    scores.put("continuity", (double) s.getContinuity());
    scores.put("audioMix", (double) s.getAudioMix());
    scores.put("checks", critique.getScore());
    FeedbackRow row = FeedbackRow.newBuilder().setId(critique.getRunId() + "/critic/" + critique.getIteration())
        .setTargetType("run").setTargetId(critique.getRunId()).setSource("critic").setScores(scores)
        .setIssues(critique.getIssues()).setCreatedAt(record.timestamp()).build();
    return List.of(KeyValue.pair(row.getId(), row));
  }

  /** A person's word on a shot or on the whole run, as an issue when it sends work back. */
  static List<KeyValue<String, FeedbackRow>> feedbackOfPerson(Record<String, Feedback> record) {
    Feedback feedback = record.value();
    boolean wholeRun = feedback.getAction() == FeedbackAction.REVISE_RUN;
    List<Issue> issues = switch (feedback.getAction()) {
      case REJECT_SHOT -> List.of(Issue.newBuilder().setCheck("person").setFixCategory("redraw").setDetail(feedback.getComment())
          .setShotIds(List.of(feedback.getShotId())).build());
      case REVISE_RUN -> List.of(Issue.newBuilder().setCheck("person").setFixCategory("revise").setDetail(feedback.getComment())
          .setShotIds(List.of()).build());
      case APPROVE_SHOT -> List.of();
    };
    FeedbackRow row = FeedbackRow.newBuilder().setId(feedback.getFeedbackId()).setTargetType(wholeRun ? "run" : "shot")
        .setTargetId(wholeRun ? feedback.getRunId() : feedback.getShotId()).setSource("human").setIssues(issues)
        .setCreatedAt(feedback.getCreatedAt()).build();
    return List.of(KeyValue.pair(row.getId(), row));
  }

  private static AssetRow.Builder asset(String id, String runId, String type, Map<String, String> params, long at) {
    return AssetRow.newBuilder().setId(id).setRunId(runId).setAssetType(type).setFilePath(id).setGenerationParams(params)
        .setCreatedAt(at);
  }

  private static KeyValue<String, AssetRow> row(AssetRow.Builder builder) {
    AssetRow row = builder.build();
    return KeyValue.pair(row.getId(), row);
  }
}
