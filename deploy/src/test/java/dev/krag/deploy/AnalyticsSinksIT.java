package dev.krag.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krag.api.Publisher;
import dev.krag.deploy.embedded.EmbeddedS3;
import dev.krag.deploy.embedded.Ports;
import dev.krag.deploy.embedded.TopicProvisioner;
import dev.krag.schemas.AssetKeys;
import dev.krag.schemas.AvroJson;
import dev.krag.schemas.AvroSamples;
import dev.krag.schemas.Bucket;
import dev.krag.schemas.CostEvent;
import dev.krag.schemas.CostLine;
import dev.krag.schemas.Critique;
import dev.krag.schemas.CritiqueHistory;
import dev.krag.schemas.Run;
import dev.krag.schemas.RunStatus;
import dev.krag.schemas.ScenesParsed;
import dev.krag.schemas.ShotsPlanned;
import dev.krag.schemas.Stage;
import dev.krag.schemas.Story;
import dev.krag.schemas.StorySource;
import dev.krag.schemas.Topic;
import dev.krag.schemas.Topics;
import dev.krag.schemas.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The analytics sinks on real servers: the broker, the registry, PostgreSQL, an S3 server and a
 * Kafka Connect worker with the Debezium JDBC sink and krag's artifact sink. Records written to the
 * topics become rows, upserted by key, and objects, under keys of their own, so a replay changes no
 * count; a record a sink cannot read goes to the dead-letter topic.
 */
class AnalyticsSinksIT {

  private static final Duration CATCH_UP = Duration.ofSeconds(90);
  private static final long DAY = 1_764_547_200_000L; // 2025-12-01T00:00:00Z

  @TempDir static Path out;
  private static Platform platform;
  private static AnalyticsSinks sinks;

  @BeforeAll
  static void start() throws Exception {
    platform = Platform.start(KragConfig.from(Map.<String, String>of()::get).withOutDir(out), out.resolve("runtime"));
    sinks = platform.analytics().orElseThrow();
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void storiesRunsAndCostsBecomeRowsOnceEachAndAReplayChangesNoCount() throws Exception {
    publishOnce();
    assertThat(sinks.awaitCaughtUp(platform.bootstrapServers(), CATCH_UP)).isTrue();

    assertThat(counts()).as("a story, a run, and two cost events: the redelivered one counted once").containsExactly(1, 1, 2);
    try (Connection db = database(); Statement sql = db.createStatement()) {
      ResultSet run = sql.executeQuery("SELECT status, current_stage, story_id, cost_usd, stage_outputs->>'plan.shots' AS shots,"
          + " config->>'fps' AS fps, pg_typeof(config)::text AS config_type, costs->0->>'provider' AS provider, created_at, owner"
          + " FROM pipeline_runs WHERE id = 'run-sink-1'");
      assertThat(run.next()).isTrue();
      assertThat(run.getString("status")).as("the last record of the run wins").isEqualTo("COMPLETED");
      assertThat(run.getString("current_stage")).isEqualTo("CRITIQUE");
      assertThat(run.getString("story_id")).isEqualTo("story-sink-1");
      assertThat(run.getDouble("cost_usd")).isEqualTo(0.012);
      assertThat(run.getString("shots")).isEqualTo("9");
      assertThat(run.getString("fps")).isEqualTo("24");
      assertThat(run.getString("config_type")).isEqualTo("jsonb");
      assertThat(run.getString("provider")).as("the bill's lines as JSON").isEqualTo("openai");
      assertThat(run.getTimestamp("created_at").toInstant().toEpochMilli()).isEqualTo(DAY);
      assertThat(run.getString("owner")).as("whose run it is").isEqualTo("key:alice");

      ResultSet story = sql.executeQuery("SELECT title, source_type, status, owner FROM stories WHERE id = 'story-sink-1'");
      assertThat(story.next()).isTrue();
      assertThat(story.getString("title")).isEqualTo("The Fox and the Cat");
      assertThat(story.getString("source_type")).isEqualTo("API");
      assertThat(story.getString("owner")).isEqualTo("key:alice");
      assertThat(story.getString("status")).as("the column's default").isEqualTo("RECEIVED");

      ResultSet daily = sql.executeQuery("SELECT day::text, calls, usd FROM daily_costs WHERE provider = 'openai'");
      assertThat(daily.next()).isTrue();
      assertThat(daily.getString("day")).isEqualTo("2025-12-01");
      assertThat(daily.getInt("calls")).isEqualTo(1);
      assertThat(daily.getDouble("usd")).isEqualTo(0.012);
    }

    publishOnce();
    assertThat(sinks.awaitCaughtUp(platform.bootstrapServers(), CATCH_UP)).isTrue();

    assertThat(counts()).as("after the replay").containsExactly(1, 1, 2);
  }

  @Test
  void aRecordTheSinkCannotReadGoesToTheDeadLetterTopicWithTheReasonAndTheSinkGoesOn() throws Exception {
    try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
      raw.send(new ProducerRecord<>(Topics.RUNS.name(), "run-poison".getBytes(StandardCharsets.UTF_8),
          "{\"runId\": \"not Avro\"}".getBytes(StandardCharsets.UTF_8))).get();
    }
    try (Publisher publisher = new Publisher(platform.bootstrapServers(), platform.serdes())) {
      publisher.send(Topics.RUNS, "run-after-poison", run("run-after-poison", RunStatus.RUNNING, Stage.PLAN));
    }

    assertThat(sinks.awaitCaughtUp(platform.bootstrapServers(), CATCH_UP)).as("the poison record does not stop the sink").isTrue();
    try (Connection db = database(); Statement sql = db.createStatement()) {
      assertThat(sql.executeQuery("SELECT 1 FROM pipeline_runs WHERE id = 'run-after-poison'").next()).isTrue();
      assertThat(sql.executeQuery("SELECT 1 FROM pipeline_runs WHERE id = 'run-poison'").next()).isFalse();
    }
    ConsumerRecord<byte[], byte[]> dead = sinkDeadLetter(r -> "run-poison".equals(new String(r.key(), StandardCharsets.UTF_8)));
    assertThat(header(dead, "__connect.errors.topic")).isEqualTo(Topics.RUNS.name());
    assertThat(header(dead, "__connect.errors.exception.message")).isNotBlank();
  }

  /**
   * A record of another type, valid Avro with its schema in the registry, on a table's topic: the
   * JDBC sink would try to reshape the table to it and stop for good, so the converter refuses it.
   */
  @Test
  void aRecordOfAnotherTypeOnATablesTopicGoesToTheDeadLetterTopicAndTheSinkGoesOn() throws Exception {
    Story story = Story.newBuilder().setStoryId("story-astray").setTitle("Astray").setText("A story on the costs topic.")
        .setSource(StorySource.CLI).setCreatedAt(DAY).build();
    try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
      raw.send(new ProducerRecord<>(Topics.COSTS.name(), "story-astray".getBytes(StandardCharsets.UTF_8),
          platform.serdes().valueSerde(Story.class).serializer().serialize(Topics.COSTS.name(), story))).get();
    }
    try (Publisher publisher = new Publisher(platform.bootstrapServers(), platform.serdes())) {
      publisher.send(Topics.COSTS, "run-after-astray", CostEvent.newBuilder(cost("after-astray", "openai", "gpt-4.1", 0.002))
          .setRunId("run-after-astray").build());
    }

    assertThat(sinks.awaitCaughtUp(platform.bootstrapServers(), CATCH_UP)).as("the story does not stop the costs sink").isTrue();
    assertThat(count("SELECT count(*) FROM costs WHERE run_id = 'run-after-astray'")).isEqualTo(1);
    ConsumerRecord<byte[], byte[]> dead = sinkDeadLetter(r -> "story-astray".equals(new String(r.key(), StandardCharsets.UTF_8)));
    assertThat(header(dead, "__connect.errors.topic")).isEqualTo(Topics.COSTS.name());
    assertThat(header(dead, "__connect.errors.exception.message"))
        .contains("dev.krag.schemas.Story").contains("dev.krag.schemas.CostEvent");
  }

  @Test
  void aWorkerRestartedWhileRecordsArriveLosesNoRowAndDuplicatesNone() throws Exception {
    try (Publisher publisher = new Publisher(platform.bootstrapServers(), platform.serdes())) {
      for (int i = 0; i < 20; i++) {
        publisher.send(Topics.COSTS, "run-restart", restartCost(i));
      }
      sinks.restartWorker(); // whatever was written but not committed is delivered again
      for (int i = 10; i < 30; i++) {
        publisher.send(Topics.COSTS, "run-restart", restartCost(i));
      }
    }

    assertThat(sinks.awaitCaughtUp(platform.bootstrapServers(), CATCH_UP)).isTrue();
    assertThat(count("SELECT count(*) FROM costs WHERE run_id = 'run-restart'")).as("30 events, 10 of them sent twice").isEqualTo(30);
    assertThat(count("SELECT round(sum(usd) * 1000) FROM costs WHERE run_id = 'run-restart'")).isEqualTo(30);
  }

  @Test
  void artifactsBecomeJsonObjectsInTheBucketOnceEachAndAPoisonRecordGoesToTheDeadLetterTopic() throws Exception {
    // Topics of this test's own, read by a second artifact connector: on krag's topics the stages would act on the records.
    Topic<String, ScenesParsed> scenes = testTopic("it.artifacts.scenes.v1", ScenesParsed.class);
    Topic<String, ShotsPlanned> shots = testTopic("it.artifacts.shots.v1", ShotsPlanned.class);
    Topic<String, Critique> critiques = testTopic("it.artifacts.critiques.v1", Critique.class);
    TopicProvisioner.ensure(platform.bootstrapServers(), List.of(scenes, shots, critiques), (short) 1);
    Connectors.Connector artifacts = sinks.connectors().stream().filter(c -> c.name().equals("artifacts")).findFirst().orElseThrow();
    Map<String, String> config = new HashMap<>(artifacts.config());
    config.put("topics", String.join(",", scenes.name(), shots.name(), critiques.name()));
    new Connectors(sinks.connectUrl()).apply(List.of(new Connectors.Connector("artifacts-it", config)));

    ScenesParsed graph = ScenesParsed.newBuilder(AvroSamples.of(ScenesParsed.class)).setRunId("run-art").setTitle("The Fox and the Cat").build();
    ShotsPlanned plan = ShotsPlanned.newBuilder(AvroSamples.of(ShotsPlanned.class)).setRunId("run-art").setSceneCount(2).build();
    Critique first = Critique.newBuilder(AvroSamples.of(Critique.class)).setRunId("run-art").setIteration(0).setVerdict(Verdict.REFINE).build();
    Critique second = Critique.newBuilder(first).setIteration(1).setVerdict(Verdict.ACCEPT).build();
    Runnable publish = () -> {
      try (Publisher publisher = new Publisher(platform.bootstrapServers(), platform.serdes());
           KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
               platform.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
        publisher.send(scenes, "run-art", graph);
        publisher.send(shots, "run-art", plan);
        publisher.send(critiques, "run-art", first);
        raw.send(new ProducerRecord<>(critiques.name(), "run-art".getBytes(StandardCharsets.UTF_8),
            "not Avro".getBytes(StandardCharsets.UTF_8))).get();
        publisher.send(critiques, "run-art", second);
        publisher.send(critiques, "run-art", first); // delivered again
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
    publish.run();

    try (S3Client s3 = platform.storage().bucket().client()) {
      String bucket = platform.storage().bucket().name();
      CritiqueHistory feedback = awaitIterations(s3, bucket, 2);
      assertThat(feedback.getIterations()).extracting(Critique::getIteration).as("after the poison record too").containsExactly(0, 1);
      assertThat(AvroJson.read(object(s3, bucket, AssetKeys.sceneGraph("run-art")), ScenesParsed.class)).isEqualTo(graph);
      assertThat(AvroJson.read(object(s3, bucket, AssetKeys.shotPlan("run-art")), ShotsPlanned.class)).isEqualTo(plan);
      List<String> keys = artifactKeys(s3, bucket);
      assertThat(keys).containsExactlyInAnyOrder(AssetKeys.sceneGraph("run-art"), AssetKeys.shotPlan("run-art"), AssetKeys.feedback("run-art"));

      ConsumerRecord<byte[], byte[]> dead = sinkDeadLetter(r -> "artifacts-it".equals(header(r, "__connect.errors.connector.name")));
      assertThat(header(dead, "__connect.errors.topic")).isEqualTo(critiques.name());
      assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not Avro");

      publish.run();
      Thread.sleep(3_000); // the replay is written over what is there; nothing new is to be waited for
      assertThat(artifactKeys(s3, bucket)).as("after a replay").containsExactlyInAnyOrderElementsOf(keys);
      assertThat(awaitIterations(s3, bucket, 2).getIterations()).extracting(Critique::getIteration).containsExactly(0, 1);
    }
  }

  @Test
  void whileS3IsDownNothingIsCommittedAndOnceItIsBackTheArtifactIsStoredAndCommitted() throws Exception {
    Topic<String, ShotsPlanned> shots = testTopic("it.outage.shots.v1", ShotsPlanned.class);
    TopicProvisioner.ensure(platform.bootstrapServers(), List.of(shots), (short) 1);
    int port = Ports.free();
    Path data = out.resolve("outage-s3");
    KragConfig.StorageSettings settings = KragConfig.from(Map.of("S3_ENDPOINT", "http://127.0.0.1:" + port,
        "S3_ACCESS_KEY_ID", "krag", "S3_SECRET_ACCESS_KEY", "outage-secret")::get).storage();
    try (EmbeddedS3 server = EmbeddedS3.start(data, port, "krag", "outage-secret");
         ObjectStorage made = ObjectStorage.start(settings, out)) { // the bucket, made on the server
      Map<String, String> config = new HashMap<>(sinks.connectors().stream().filter(c -> c.name().equals("artifacts")).findFirst()
          .orElseThrow().config());
      config.putAll(Map.of("topics", shots.name(), "s3.endpoint", server.endpoint().toString(), "s3.bucket", made.bucket().name(),
          "s3.secret.key", "outage-secret",
          "retry.backoff.ms", "500"));
      new Connectors(sinks.connectUrl()).apply(List.of(new Connectors.Connector("artifacts-outage", config)));
    }

    try (Publisher publisher = new Publisher(platform.bootstrapServers(), platform.serdes())) {
      publisher.send(shots, "run-outage", ShotsPlanned.newBuilder(AvroSamples.of(ShotsPlanned.class)).setRunId("run-outage").build());
    }
    Thread.sleep(8_000); // several offset commits' time, and retries
    TopicPartition partition = new TopicPartition(shots.name(), 0);
    assertThat(committed("connect-artifacts-outage", partition)).as("nothing committed while the object cannot be stored").isZero();

    try (EmbeddedS3 server = EmbeddedS3.start(data, port, "krag", "outage-secret")) {
      assertThat(server.endpoint().getPort()).as("back where the sink looks for it").isEqualTo(port);
      Path object = data.resolve(Bucket.DEFAULT_NAME).resolve(AssetKeys.shotPlan("run-outage"));
      long deadline = System.nanoTime() + CATCH_UP.toNanos();
      while (committed("connect-artifacts-outage", partition) == 0 && System.nanoTime() < deadline) {
        Thread.sleep(500);
      }
      assertThat(committed("connect-artifacts-outage", partition)).as("committed once stored").isEqualTo(1);
      assertThat(object).as("the object stored before the commit").isRegularFile();
      assertThat(AvroJson.read(Files.readAllBytes(object), ShotsPlanned.class).getRunId()).isEqualTo("run-outage");
    }
  }

  /** The group's committed offset on the partition, 0 if none. */
  /**
   * The dead letter a sink wrote: a record the stages also read (runs, costs) gets a second one from
   * them, with krag's headers instead of Connect's, in no fixed order.
   */
  private static ConsumerRecord<byte[], byte[]> sinkDeadLetter(Predicate<ConsumerRecord<byte[], byte[]>> which) throws Exception {
    return TopicDump.raw(platform.bootstrapServers(), Topics.DLQ.name()).stream()
        .filter(r -> header(r, "__connect.errors.topic") != null).filter(which).findFirst().orElseThrow();
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static long committed(String group, TopicPartition partition) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()))) {
      OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().get(partition);
      return offset == null ? 0 : offset.offset();
    }
  }

  private static <V> Topic<String, V> testTopic(String name, Class<V> type) {
    return new Topic<>(name, String.class, type, 1, Topic.Cleanup.DELETE, Duration.ofDays(1));
  }

  private static CritiqueHistory awaitIterations(S3Client s3, String bucket, int iterations) throws Exception {
    long deadline = System.nanoTime() + CATCH_UP.toNanos();
    while (true) {
      try {
        CritiqueHistory history = AvroJson.read(object(s3, bucket, AssetKeys.feedback("run-art")), CritiqueHistory.class);
        if (history.getIterations().size() == iterations || System.nanoTime() > deadline) {
          return history;
        }
      } catch (NoSuchKeyException e) {
        assertThat(System.nanoTime()).as("feedback.json written within " + CATCH_UP).isLessThan(deadline);
      }
      Thread.sleep(500);
    }
  }

  private static byte[] object(S3Client s3, String bucket, String key) {
    return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
  }

  /** The run's objects; the file-system server also lists the folders it made, which are no objects. */
  private static List<String> artifactKeys(S3Client s3, String bucket) {
    return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix("artifacts/run-art/")).contents().stream()
        .map(S3Object::key).filter(key -> !key.endsWith("/")).toList();
  }

  private static CostEvent restartCost(int i) {
    return CostEvent.newBuilder(cost("restart-" + i, "openai", "gpt-4.1-mini", 0.001)).setRunId("run-restart").build();
  }

  /** A story, a run that moves on (its later record replaces the earlier), and three cost events, one of them sent twice. */
  private static void publishOnce() throws Exception {
    try (Publisher publisher = new Publisher(platform.bootstrapServers(), platform.serdes())) {
      publisher.send(Topics.STORIES, "story-sink-1", Story.newBuilder().setStoryId("story-sink-1").setTitle("The Fox and the Cat")
          .setText("It happened that the cat met the fox in a forest.").setSource(StorySource.API).setCreatedAt(DAY)
          .setOwner("key:alice").build());
      publisher.send(Topics.RUNS, "run-sink-1", run("run-sink-1", RunStatus.RUNNING, Stage.PLAN));
      publisher.send(Topics.RUNS, "run-sink-1", run("run-sink-1", RunStatus.COMPLETED, Stage.CRITIQUE));
      CostEvent planner = cost("cost-1", "openai", "gpt-4.1", 0.012);
      publisher.send(Topics.COSTS, planner.getRunId(), planner);
      publisher.send(Topics.COSTS, planner.getRunId(), cost("cost-2", "local", "marytts-cmu-slt-hsmm", 0));
      publisher.send(Topics.COSTS, planner.getRunId(), planner);
    }
  }

  private static Run run(String id, RunStatus status, Stage stage) {
    return Run.newBuilder().setRunId(id).setStoryId("story-sink-1").setTitle("The Fox and the Cat").setStatus(status)
        .setCurrentStage(stage).setIteration(0).setCostUsd(0.012).setStageOutputs(Map.of("plan.shots", "9"))
        .setCostLines(List.of(new CostLine(Stage.PLAN, "openai", "gpt-4.1", 1, 0.012, 1.5)))
        .setConfig(dev.krag.schemas.RunConfig.newBuilder().build()).setCreatedAt(DAY).setUpdatedAt(DAY + 60_000).setOwner("key:alice")
        .build();
  }

  private static CostEvent cost(String id, String provider, String model, double usd) {
    // A run of its own: the bookkeeping application answers cost events with the run's state on the runs topic.
    return CostEvent.newBuilder().setEventId(id).setRunId("run-sink-costs").setStage(Stage.PLAN).setProvider(provider).setModel(model)
        .setUnits(1200).setUnit("token").setUsd(usd).setComputeSeconds(1.5).setAt(DAY + 1000).build();
  }

  /** Rows of this test's story and run: the other test writes a run of its own. */
  private static List<Integer> counts() throws SQLException {
    return List.of(count("SELECT count(*) FROM stories WHERE id = 'story-sink-1'"),
        count("SELECT count(*) FROM pipeline_runs WHERE id = 'run-sink-1'"),
        count("SELECT count(*) FROM costs WHERE run_id = 'run-sink-costs'"));
  }

  private static int count(String query) throws SQLException {
    try (Connection db = database(); Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery(query)) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static Connection database() throws SQLException {
    return DriverManager.getConnection(sinks.databaseUrl());
  }
}
