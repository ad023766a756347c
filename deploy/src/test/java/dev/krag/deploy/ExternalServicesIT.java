package dev.krag.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.krag.deploy.cli.Cli;
import dev.krag.deploy.embedded.DistributedConnectWorker;
import dev.krag.deploy.embedded.EmbeddedKafka;
import dev.krag.deploy.embedded.EmbeddedPostgres;
import dev.krag.deploy.embedded.EmbeddedS3;
import dev.krag.deploy.embedded.RegistryServer;
import dev.krag.schemas.AssetKeys;
import dev.krag.schemas.Bucket;
import dev.krag.schemas.RegistrySerdeFactory;
import dev.krag.schemas.RunEvent;
import dev.krag.schemas.SerdeFactory;
import dev.krag.schemas.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code krag run} against services it did not start, as in a deployment: a Kafka broker, a schema
 * registry, PostgreSQL, an S3 server with a bucket and keys of its own, and a distributed Connect
 * worker, each given to krag by its environment variable; and its traces sent to a collector (a
 * {@link StandInCollector}, since none runs here).
 */
class ExternalServicesIT {

  private final Path services = Path.of("target", "it-out", "external-" + System.currentTimeMillis());

  @Test
  void aRunWritesItsRowsAndObjectsToTheConfiguredServicesThroughTheConfiguredConnectWorker() throws Exception {
    KragConfig defaults = KragConfig.from(Map.<String, String>of()::get);
    try (StandInCollector collector = StandInCollector.start();
         EmbeddedKafka kafka = EmbeddedKafka.start(services.resolve("kafka"));
         RegistryServer registry = RegistryServer.start(defaults.registryHome(), services.resolve("registry"), Duration.ofMinutes(2));
         EmbeddedPostgres postgres = EmbeddedPostgres.start(services.resolve("postgres"));
         EmbeddedS3 s3 = EmbeddedS3.start(services.resolve("s3"), "operator", "operator-secret");
         DistributedConnectWorker connect = DistributedConnectWorker.start(kafka.bootstrapServers(), defaults.sinks().connectPlugins(),
             "ops-connect")) {
      Map<String, String> env = SmallFilm.with(Map.ofEntries(
          Map.entry("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers()),
          Map.entry("REGISTRY_URL", registry.api().toString()),
          Map.entry("DATABASE_URL", postgres.jdbcUrl()),
          Map.entry("DATABASE_USER", EmbeddedPostgres.USER),
          Map.entry("S3_ENDPOINT", s3.endpoint().toString()),
          Map.entry("S3_BUCKET", "films"),
          Map.entry("S3_ACCESS_KEY_ID", "operator"),
          Map.entry("S3_SECRET_ACCESS_KEY", "operator-secret"),
          Map.entry("CONNECT_URL", connect.rest().toString()),
          Map.entry("OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint()),
          Map.entry("KRAG_STALL_TIMEOUT_SECONDS", "180")));
      Path tale = Path.of(System.getProperty("krag.stories", "../../shared/stories"), "grimm", "43-the-fox-and-the-cat.txt");
      ByteArrayOutputStream stdout = new ByteArrayOutputStream();
      ByteArrayOutputStream stderr = new ByteArrayOutputStream();

      int code = new Cli(env::get, new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8))
          .execute(new String[] {"run", tale.toString(), "--out", services.resolve("krag").toString(), "--json", "--target-duration", "30"});

      assertThat(code).as(stderr::toString).isZero();
      String runId = new ObjectMapper().readTree(stdout.toString(StandardCharsets.UTF_8)).get("runId").asText();
      assertThat(services.resolve("krag").resolve("s3")).as("no S3 server of krag's own").doesNotExist();
      assertThat(services.resolve("krag").resolve("postgres")).as("no PostgreSQL of krag's own").doesNotExist();

      try (Connection db = DriverManager.getConnection(postgres.jdbcUrl());
           ResultSet run = db.createStatement().executeQuery("SELECT status FROM pipeline_runs WHERE id = '" + runId + "'")) {
        assertThat(run.next()).isTrue();
        assertThat(run.getString(1)).isEqualTo("COMPLETED");
      }
      try (S3Client bucket = new Bucket(s3.endpoint(), "us-east-1", "films", "operator", "operator-secret").client()) {
        for (String key : List.of(AssetKeys.finalVideo(runId), AssetKeys.sceneGraph(runId), AssetKeys.feedback(runId))) {
          assertThat(bucket.headObject(b -> b.bucket("films").key(key)).contentLength()).as(key).isPositive();
        }
        assertThat(bucket.listObjectsV2(b -> b.bucket("films").prefix("assets/" + runId + "/audio/music-")).contents())
            .as("each shot's music").isNotEmpty();
      }
      HttpResponse<String> connectors = HttpClient.newHttpClient().send(HttpRequest.newBuilder(connect.rest().resolve("/connectors")).build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode names = new ObjectMapper().readTree(connectors.body());
      assertThat(names).extracting(JsonNode::asText).as("krag's connectors live on the operator's worker")
          .contains("stories", "pipeline-runs", "costs", "assets", "feedback", "artifacts");

      // One trace for the run on the real broker: every stage's events carry it, the edit's and the
      // critic's too, whose requests the bookkeeping wrote.
      Map<String, Set<String>> traceIdsByStage = new TreeMap<>();
      SerdeFactory serdes = new RegistrySerdeFactory(registry.api());
      for (ConsumerRecord<byte[], byte[]> event : TopicDump.raw(kafka.bootstrapServers(), Topics.RUN_EVENTS.name())) {
        Header traceparent = event.headers().lastHeader("traceparent");
        RunEvent value = serdes.valueSerde(Topics.RUN_EVENTS).deserializer().deserialize(Topics.RUN_EVENTS.name(), event.headers(),
            event.value());
        if (runId.equals(new String(event.key(), StandardCharsets.UTF_8)) && traceparent != null) {
          traceIdsByStage.computeIfAbsent(value.getStage().name(), stage -> new TreeSet<>())
              .add(new String(traceparent.value(), StandardCharsets.UTF_8).split("-")[1]);
        }
      }
      assertThat(traceIdsByStage).as("the stages whose events carry the trace").containsKeys("PARSE", "PLAN", "GENERATE", "EDIT", "CRITIQUE");
      assertThat(traceIdsByStage.values().stream().flatMap(Set::stream).distinct().toList()).as("one trace id").hasSize(1);
      List<StandInCollector.Posted> traces = collector.posted();
      assertThat(traces).as("spans posted to the collector").isNotEmpty().allMatch(posted -> posted.path().equals("/v1/traces"));
      assertThat(traces.stream().map(StandInCollector.Posted::text).collect(Collectors.joining()))
          .contains(runId, "parse", "generate", "edit", "critique");
    }
  }
}
