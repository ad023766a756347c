package dev.krag.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krag.api.ApiServer;
import dev.krag.api.Publisher;
import dev.krag.schemas.RunRequested;
import dev.krag.schemas.RunStatus;
import dev.krag.schemas.Scene;
import dev.krag.schemas.Story;
import dev.krag.schemas.ScenesParsed;
import dev.krag.schemas.Topic;
import dev.krag.schemas.Topics;
import dev.krag.schemas.VideoEdited;
import dev.krag.stages.Ffprobe;
import dev.krag.topologies.errors.DeadLetters;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline on the real broker and registry, read back from its topics and through the API's interactive queries. */
class PipelineIT {

  @TempDir static Path out;
  private static KragConfig config;
  private static Platform platform;

  @BeforeAll
  static void start() throws Exception {
    config = KragConfig.from(SmallFilm.SETTINGS::get).withOutDir(out);
    platform = Platform.start(config, out.resolve("runtime"));
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void aPoisonRecordIsDeadLetteredAndTheNextRunCompletesWithAShotForEveryScene() throws Exception {
    try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
      raw.send(new ProducerRecord<>(Topics.RUNS_REQUESTED.name(), "run-poison".getBytes(StandardCharsets.UTF_8),
          "this is not an Avro record".getBytes(StandardCharsets.UTF_8))).get();
    }
    String text = Files.readString(Path.of(System.getProperty("krag.stories", "../../shared/stories"), "grimm",
        "26-the-old-man-and-his-grandson.txt"));
    RunRequested request = RunRequested.newBuilder().setRunId("run-it-1").setStoryId("story-it-1")
        .setTitle("The Old Man And His Grandson").setText(text).setConfig(config.run()).setRequestedAt(System.currentTimeMillis())
        .build();

    RunWatcher.Outcome outcome;
    try (RunWatcher watcher = new RunWatcher(platform.bootstrapServers(), platform.serdes());
         Publisher publisher = new Publisher(platform.bootstrapServers(), platform.serdes())) {
      publisher.send(Topics.RUNS_REQUESTED, request.getRunId(), request);
      outcome = watcher.await(request.getRunId(), Duration.ofMinutes(5), Duration.ofMinutes(2), e -> { });
    }

    assertThat(outcome.run().getStatus()).as(String.valueOf(outcome.run().getError())).isEqualTo(RunStatus.COMPLETED);
    Path video = platform.assets().localPath(outcome.run().getVideoPath());
    assertThat(Ffprobe.codecOf(Ffprobe.probe(video), "video")).isEqualTo("h264");

    ScenesParsed parsed = TopicDump.values(platform.bootstrapServers(), platform.serdes(), Topics.SCENES_PARSED).stream()
        .filter(p -> p.getRunId().equals("run-it-1")).findFirst().orElseThrow();
    VideoEdited edited = TopicDump.values(platform.bootstrapServers(), platform.serdes(), Topics.VIDEOS_EDITED).stream()
        .filter(v -> v.getRunId().equals("run-it-1")).reduce((a, b) -> b).orElseThrow();
    Set<String> scenesWithShots = edited.getShots().stream().map(s -> s.getTask().getShot().getSceneId()).collect(Collectors.toSet());
    assertThat(scenesWithShots).containsExactlyInAnyOrderElementsOf(parsed.getScenes().stream().map(Scene::getId).toList());

    ConsumerRecord<byte[], byte[]> dead = TopicDump.raw(platform.bootstrapServers(), Topics.DLQ.name()).stream()
        .filter(r -> "run-poison".equals(new String(r.key(), StandardCharsets.UTF_8))).findFirst().orElseThrow();
    assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("this is not an Avro record");
    assertThat(header(dead, DeadLetters.SOURCE_TOPIC)).isEqualTo(Topics.RUNS_REQUESTED.name());
    assertThat(header(dead, DeadLetters.RUN_ID)).isEqualTo("run-poison");
    assertThat(header(dead, DeadLetters.REASON)).isNotBlank();

    try (ApiBackend backend = ApiBackend.open(config, platform, Optional.empty())) {
      String key = backend.adminKey().text();
      WebServer api = ApiServer.start("127.0.0.1", 0, backend.backend());
      try {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> run = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + api.port() + "/api/v1/runs/run-it-1")).header("X-API-Key", key).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(run.statusCode()).isEqualTo(200);
        assertThat(run.body()).contains("\"status\": \"COMPLETED\"");
        HttpResponse<String> costs = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + api.port() + "/api/v1/runs/run-it-1/costs")).header("X-API-Key", key).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(costs.statusCode()).isEqualTo(200);
        assertThat(costs.body()).contains("\"provider\": \"marytts-cmu-slt-hsmm\"");
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + api.port() + "/api/v1/runs/run-nobody")).header("X-API-Key", key).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
      } finally {
        api.stop();
      }
    }
  }

  /** The topics the two applications read, each a way in for a poison record. */
  private static final List<Topic<String, ?>> INPUTS = List.of(Topics.STORIES, Topics.RUNS_REQUESTED, Topics.SCENES_PARSED,
      Topics.SHOTS_PLANNED, Topics.SHOT_TASKS, Topics.ASSETS_GENERATED, Topics.EDITS_REQUESTED, Topics.VIDEOS_EDITED,
      Topics.CRITIQUES, Topics.FEEDBACK, Topics.RUN_EVENTS, Topics.COSTS);
  private static final int POISONS = 1_000;

  @Test
  void aThousandPoisonRecordsOnEveryInputAreDeadLetteredWithTheirCoordinatesWhileARunAmongThemCompletes() throws Exception {
    Story story = Story.newBuilder().setStoryId("story-poison").setTitle("Poison").setText("A fox met a cat.").setCreatedAt(1).build();
    byte[] framed = platform.serdes().valueSerde(Story.class).serializer().serialize(Topics.STORIES.name(), story);
    Random random = new Random(42);
    String text = Files.readString(Path.of(System.getProperty("krag.stories", "../../shared/stories"), "grimm",
        "26-the-old-man-and-his-grandson.txt"));
    RunRequested request = RunRequested.newBuilder().setRunId("run-among-poison").setStoryId("story-among-poison")
        .setTitle("The Old Man And His Grandson").setText(text).setConfig(config.run()).setRequestedAt(System.currentTimeMillis())
        .build();

    Set<String> sent = new HashSet<>();
    RunWatcher.Outcome outcome;
    try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(
             Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer());
         RunWatcher watcher = new RunWatcher(platform.bootstrapServers(), platform.serdes());
         Publisher publisher = new Publisher(platform.bootstrapServers(), platform.serdes())) {
      for (int i = 0; i < POISONS; i++) {
        if (i == POISONS / 2) {
          publisher.send(Topics.RUNS_REQUESTED, request.getRunId(), request);
        }
        // Three kinds: bytes no serde reads, a record cut short, and a whole record of another topic's type.
        byte[] value = switch (i % 3) {
          case 0 -> { byte[] noise = new byte[1 + random.nextInt(200)]; random.nextBytes(noise); noise[0] = 7; yield noise; }
          case 1 -> Arrays.copyOf(framed, framed.length / 2);
          default -> framed;
        };
        String topic = INPUTS.get(i % INPUTS.size()).name();
        if (topic.equals(Topics.STORIES.name()) && i % 3 == 2) {
          continue; // a story on the story topic is no poison
        }
        RecordMetadata written = raw.send(new ProducerRecord<>(topic, ("poison-" + i).getBytes(StandardCharsets.UTF_8), value)).get();
        sent.add(written.topic() + "/" + written.partition() + "/" + written.offset());
      }
      outcome = watcher.await(request.getRunId(), Duration.ofMinutes(5), Duration.ofMinutes(2), e -> { });
    }

    assertThat(outcome.run().getStatus()).as(String.valueOf(outcome.run().getError())).isEqualTo(RunStatus.COMPLETED);
    Set<String> dead = new HashSet<>();
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (!dead.containsAll(sent) && System.nanoTime() < deadline) {
      TopicDump.raw(platform.bootstrapServers(), Topics.DLQ.name()).stream()
          .filter(r -> new String(r.key(), StandardCharsets.UTF_8).startsWith("poison-"))
          // The analytics sinks dead-letter what they cannot read too, with Connect's headers: these are the streams'.
          .filter(r -> r.headers().lastHeader(DeadLetters.SOURCE_TOPIC) != null)
          .peek(r -> assertThat(header(r, DeadLetters.REASON)).isNotBlank())
          .forEach(r -> dead.add(header(r, DeadLetters.SOURCE_TOPIC) + "/" + header(r, DeadLetters.SOURCE_PARTITION) + "/"
              + header(r, DeadLetters.SOURCE_OFFSET)));
    }
    assertThat(sent).as("over 900 poisons on %d topics", INPUTS.size()).hasSizeGreaterThan(900);
    assertThat(dead).as("every poison dead-lettered, found by its coordinates").containsAll(sent);
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
