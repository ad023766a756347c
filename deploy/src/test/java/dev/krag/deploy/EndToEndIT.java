package dev.krag.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.krag.deploy.cli.Cli;
import dev.krag.deploy.embedded.EmbeddedPostgres;
import dev.krag.schemas.AssetKeys;
import dev.krag.schemas.AvroJson;
import dev.krag.schemas.CritiqueHistory;
import dev.krag.schemas.ScenesParsed;
import dev.krag.schemas.ShotsPlanned;
import dev.krag.stages.Ffprobe;
import dev.krag.stages.plan.ShotPlanner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The main job as a user runs it: {@code krag run TALE --json}, on the embedded broker and registry. */
class EndToEndIT {

  /** Kept after the run (under target/), so a failure leaves its logs and media to look at. */
  private final Path out = Path.of("target", "it-out", "end-to-end-" + System.currentTimeMillis());

  @Test
  void aTaleBecomesAnMp4WithH264AndAacAsLongAsItsPlanAndItsCards() throws Exception {
    Path tale = Path.of(System.getProperty("krag.stories", "../../shared/stories"), "grimm", "43-the-fox-and-the-cat.txt");
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    int code = new Cli(Map.of("KRAG_STALL_TIMEOUT_SECONDS", "180")::get, new PrintStream(stdout, true, StandardCharsets.UTF_8),
        new PrintStream(stderr, true, StandardCharsets.UTF_8))
        .execute(new String[] {"run", tale.toString(), "--out", out.toString(), "--json"});

    assertThat(code).as(() -> stderr + "\n--- last lines of krag.log ---\n" + logTail(60)).isZero();
    JsonNode result = new ObjectMapper().readTree(stdout.toString(StandardCharsets.UTF_8));
    assertThat(result.get("status").asText()).isEqualTo("COMPLETED");
    Path video = Path.of(result.get("video").asText());
    assertThat(video).isAbsolute().isRegularFile().startsWith(out.toAbsolutePath());
    JsonNode probe = Ffprobe.probe(video);
    assertThat(Ffprobe.codecOf(probe, "video")).isEqualTo("h264");
    assertThat(Ffprobe.codecOf(probe, "audio")).isEqualTo("aac");
    assertThat(Ffprobe.codecOf(probe, "subtitle")).isEqualTo("mov_text");
    assertThat(video.resolveSibling("final.srt")).isRegularFile();
    assertThat(video.resolveSibling("final.vtt")).isRegularFile();
    double cards = ShotPlanner.TITLE_SECONDS + ShotPlanner.END_SECONDS;
    assertThat(Ffprobe.duration(probe)).isCloseTo(result.get("plannedSeconds").asDouble() + cards, withPercentage(5));
    assertThat(Ffprobe.duration(probe)).isCloseTo(result.get("durationSeconds").asDouble(), withPercentage(1));
    assertThat(result.get("shots").asInt()).isGreaterThanOrEqualTo(result.get("scenes").asInt()).isPositive();
    assertThat(result.get("critic").get("verdict").asText()).isEqualTo("ACCEPT");
    assertThat(stderr.toString()).contains("✔ parse").contains("✔ edit").contains("final video").contains("rows written to");
    String runId = result.get("runId").asText();
    int iterations = result.get("critic").get("iterations").asInt();
    String storyId = assertRowsOf(runId, result.get("shots").asInt(), iterations);
    assertObjectsOf(runId, storyId, result, iterations);
  }

  /**
   * Every object of the bucket layout, read after krag has stopped through the S3 API of a server
   * started again over the objects it left under the output folder.
   */
  private void assertObjectsOf(String runId, String storyId, JsonNode result, int iterations) throws Exception {
    KragConfig config = KragConfig.from(Map.<String, String>of()::get);
    try (ObjectStorage storage = ObjectStorage.start(config.storage(), out); S3Client s3 = storage.bucket().client()) {
      String bucket = storage.bucket().name();
      List<String> keys = s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().map(S3Object::key)
          .filter(key -> !key.endsWith("/")).toList();
      int shots = result.get("shots").asInt();
      assertThat(keys).contains(AssetKeys.source(storyId), AssetKeys.finalVideo(runId),
          AssetKeys.sceneGraph(runId), AssetKeys.shotPlan(runId), AssetKeys.feedback(runId), AssetKeys.storyboard(runId));
      assertThat(keys).filteredOn(k -> k.startsWith("assets/" + runId + "/images/") && k.endsWith(".png")).hasSizeGreaterThanOrEqualTo(shots);
      assertThat(keys).filteredOn(k -> k.startsWith("assets/" + runId + "/audio/voiceover-") && k.endsWith(".wav"))
          .hasSizeGreaterThanOrEqualTo(shots);
      assertThat(keys).filteredOn(k -> k.startsWith("assets/" + runId + "/audio/music-") && k.endsWith(".m4a"))
          .hasSizeGreaterThanOrEqualTo(shots);
      assertThat(keys).filteredOn(k -> k.startsWith("assets/" + runId + "/video/draft-") && k.endsWith(".mp4")).hasSize(iterations);

      byte[] film = s3.getObjectAsBytes(b -> b.bucket(bucket).key(AssetKeys.finalVideo(runId))).asByteArray();
      assertThat(film).as("the film the user was given is the bucket's").isEqualTo(Files.readAllBytes(Path.of(result.get("video").asText())));
      ScenesParsed graph = AvroJson.read(s3.getObjectAsBytes(b -> b.bucket(bucket).key(AssetKeys.sceneGraph(runId))).asByteArray(),
          ScenesParsed.class);
      assertThat(graph.getScenes()).hasSize(result.get("scenes").asInt());
      ShotsPlanned plan = AvroJson.read(s3.getObjectAsBytes(b -> b.bucket(bucket).key(AssetKeys.shotPlan(runId))).asByteArray(),
          ShotsPlanned.class);
      assertThat(plan.getShots()).hasSize(shots);
      CritiqueHistory feedback = AvroJson.read(s3.getObjectAsBytes(b -> b.bucket(bucket).key(AssetKeys.feedback(runId))).asByteArray(),
          CritiqueHistory.class);
      assertThat(feedback.getIterations()).hasSize(iterations);
      assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key(AssetKeys.source(storyId))).asUtf8String()).contains("cat");
    }
  }

  /**
   * The run's rows, read after krag has stopped from the PostgreSQL data it left under the output
   * folder: its story, its run as it ended, its cost events each once (adding up to the compute
   * time the run itself counted), its assets and the critic's feedback.
   */
  private String assertRowsOf(String runId, int shots, int iterations) throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.start(out.resolve("postgres"));
         Connection db = DriverManager.getConnection(postgres.jdbcUrl());
         Statement sql = db.createStatement()) {
      ResultSet run = sql.executeQuery("SELECT r.status, r.video_path, r.compute_seconds, r.story_id,"
          + " (SELECT count(*) FROM stories s WHERE s.id = r.story_id) AS stories,"
          + " (SELECT sum((line->>'calls')::int) FROM jsonb_array_elements(r.costs) line) AS calls"
          + " FROM pipeline_runs r WHERE r.id = '" + runId + "'");
      assertThat(run.next()).as("a row for " + runId).isTrue();
      assertThat(run.getString("status")).isEqualTo("COMPLETED");
      assertThat(run.getString("video_path")).endsWith("final.mp4");
      assertThat(run.getInt("stories")).isEqualTo(1);
      String storyId = run.getString("story_id");
      double counted = run.getDouble("compute_seconds");
      int calls = run.getInt("calls");
      ResultSet costs = sql.executeQuery("SELECT count(*), sum(compute_seconds) FROM costs WHERE run_id = '" + runId + "'");
      costs.next();
      assertThat(costs.getInt(1)).as("a row per cost event, as many as the run's bill counted calls").isPositive().isEqualTo(calls);
      assertThat(costs.getDouble(2)).as("each cost event once").isCloseTo(counted, withPercentage(0.1));
      ResultSet assets = sql.executeQuery("SELECT count(*) FILTER (WHERE asset_type = 'image'), count(*) FILTER (WHERE asset_type = 'audio'),"
          + " count(*) FILTER (WHERE asset_type = 'video') FROM assets WHERE run_id = '" + runId + "'");
      assets.next();
      assertThat(assets.getInt(1)).as("a frame per shot, more for shots rendered again").isGreaterThanOrEqualTo(shots);
      assertThat(assets.getInt(2)).as("a narration per shot").isGreaterThanOrEqualTo(shots);
      assertThat(assets.getInt(3)).as("a video per iteration").isEqualTo(iterations);
      ResultSet music = sql.executeQuery("SELECT count(DISTINCT generation_params->>'shot'), count(*) FILTER (WHERE file_path NOT LIKE"
          + " '%/audio/music-%.m4a') FROM assets WHERE run_id = '" + runId + "' AND generation_params->>'stem' = 'music'");
      music.next();
      assertThat(music.getInt(1)).as("music under every shot").isEqualTo(shots);
      assertThat(music.getInt(2)).as("each in its file").isZero();
      ResultSet feedback = sql.executeQuery("SELECT source, (scores->>'checks')::float, jsonb_typeof(issues) FROM feedback"
          + " WHERE target_id = '" + runId + "' ORDER BY id DESC");
      assertThat(feedback.next()).as("the critic's row of the last iteration").isTrue();
      assertThat(feedback.getString(1)).isEqualTo("critic");
      assertThat(feedback.getDouble(2)).isBetween(0.0, 1.0);
      assertThat(feedback.getString(3)).isEqualTo("array");
      return storyId;
    }
  }

  private String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(out.resolve("logs").resolve("krag.log"));
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (Exception e) {
      return "(no log: " + e + ")";
    }
  }
}
