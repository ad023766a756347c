package dev.krag.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.krag.api.Publisher;
import dev.krag.deploy.KragConfig;
import dev.krag.schemas.RegistrySerdeFactory;
import dev.krag.schemas.RunEventType;
import dev.krag.schemas.Stage;
import dev.krag.schemas.Topics;
import dev.krag.topologies.RunEvents;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code krag serve} instances sharing one broker and registry split the bookkeeping's
 * partitions between them; each answers for every run, fetching the ones the other owns. The
 * second is an API instance alone ({@code KRAG_ROLE=api}), as a cluster scales them: no stages,
 * no knowledge graph, and health and metrics on a management port of its own.
 */
class TwoInstancesIT {

  private static final Duration UP = Duration.ofMinutes(5);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> RUNS = IntStream.rangeClosed(1, 8).mapToObj(i -> "run-shared-" + i).toList();

  @TempDir Path first;
  @TempDir Path second;
  private final HttpClient http = HttpClient.newHttpClient();
  private String adminKey;

  @Test
  void eachInstanceAnswersForTheRunsTheOtherOwns() throws Exception {
    CountDownLatch stop = new CountDownLatch(1);
    ExecutorService serving = Executors.newFixedThreadPool(2);
    try {
      ByteArrayOutputStream printedA = new ByteArrayOutputStream();
      Future<Integer> a = serving.submit(() -> ServeCommand.run(config(first, Map.of()), printer(printedA), stop));
      String linesA = Printed.await(printedA, "s3", a, UP);
      String kafka = Printed.value(linesA, "kafka", "kafka\\s+(\\S+)");
      String registry = Printed.value(linesA, "registry", "registry\\s+(\\S+)");
      adminKey = Files.readString(Path.of(Printed.value(linesA, "admin key", "admin key\\s+(\\S+)"))).strip();
      ByteArrayOutputStream printedB = new ByteArrayOutputStream();
      Future<Integer> b = serving.submit(() -> ServeCommand.run(config(second, Map.of("KRAG_ROLE", "api", "KRAG_MANAGEMENT_PORT", "0",
          "KAFKA_BOOTSTRAP_SERVERS", kafka, "REGISTRY_URL", registry, "S3_ENDPOINT", Printed.value(linesA, "s3", "(http\\S+)"),
          "S3_ACCESS_KEY_ID", Printed.value(linesA, "s3", "access key (\\S+)"), "S3_SECRET_ACCESS_KEY", Printed.value(linesA, "s3", "secret (\\S+)"))),
          printer(printedB), stop));
      String linesB = Printed.await(printedB, "s3", b, UP);
      assertThat(linesB).as("an API instance starts no knowledge graph").doesNotContain("neo4j");
      List<String> apis = List.of(api(linesA), api(linesB));

      try (Publisher publisher = new Publisher(kafka, new RegistrySerdeFactory(URI.create(registry)))) {
        for (String run : RUNS) {
          publisher.send(Topics.RUN_EVENTS, run, RunEvents.of(run, Stage.PARSE, RunEventType.STARTED, 0, "", "parsing", Map.of(), 1));
        }
      }

      for (String api : apis) {
        for (String run : RUNS) {
          JsonNode state = awaitRun(api, run);
          assertThat(state.get("runId").asText()).as(api + " answers for " + run).isEqualTo(run);
        }
        assertThat(JSON.readTree(get(api + "/api/v1/runs").body())).extracting(r -> r.get("runId").asText())
            .as("every instance lists every run").containsAll(RUNS);
      }
      List<Integer> owned = apis.stream().map(api -> {
        String sequence = get(api + "/internal/v1/stores/run-state").body();
        return (int) RUNS.stream().filter(run -> sequence.contains("\"" + run + "\"")).count();
      }).toList();
      assertThat(owned).as("each instance owns some of the runs, and together all").allSatisfy(n -> assertThat(n).isPositive());
      assertThat(owned.get(0) + owned.get(1)).isEqualTo(RUNS.size());

      String management = Printed.value(linesB, "management", "(http\\S+)/metrics");
      assertThat(http.send(HttpRequest.newBuilder(URI.create(management + "/health/ready")).build(), HttpResponse.BodyHandlers.ofString())
          .statusCode()).as("ready, asked without credentials").isEqualTo(200);
      assertThat(http.send(HttpRequest.newBuilder(URI.create(management + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body())
          .contains("kafka_stream_").contains("jvm_memory_used_bytes");

      stop.countDown();
      assertThat(a.get(2, TimeUnit.MINUTES)).isZero();
      assertThat(b.get(2, TimeUnit.MINUTES)).isZero();
    } finally {
      stop.countDown();
      serving.shutdownNow();
    }
  }

  private static KragConfig config(Path out, Map<String, String> services) {
    Map<String, String> env = new java.util.HashMap<>(Map.of("KRAG_API_PORT", "0", "KRAG_SINKS", "off"));
    env.putAll(services);
    return KragConfig.from(env::get).withOutDir(out);
  }

  private static PrintStream printer(ByteArrayOutputStream printed) {
    return new PrintStream(printed, true, StandardCharsets.UTF_8);
  }

  /** Polls while the instances rebalance (503) until the run's state is there. */
  private JsonNode awaitRun(String api, String run) throws Exception {
    long deadline = System.nanoTime() + UP.toNanos();
    HttpResponse<String> response = get(api + "/api/v1/runs/" + run);
    while (response.statusCode() != 200 && System.nanoTime() < deadline) {
      Thread.sleep(500);
      response = get(api + "/api/v1/runs/" + run);
    }
    assertThat(response.statusCode()).as(api + " " + run + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> get(String url) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(url)).header("X-API-Key", adminKey).build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(url, e);
    }
  }

  private static String api(String lines) {
    return Printed.value(lines, "api", "(http\\S+)/api/v1/runs/");
  }
}
