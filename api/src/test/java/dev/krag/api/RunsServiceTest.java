package dev.krag.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krag.schemas.Run;
import dev.krag.schemas.RunConfig;
import dev.krag.schemas.RunCosts;
import dev.krag.schemas.RunStatus;
import dev.krag.schemas.Stage;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP layer over a fixed set of runs: statuses, bodies and errors as a client sees them. */
class RunsServiceTest {

  private static final Run RUN = Run.newBuilder().setRunId("run-1").setStoryId("story-1").setTitle("The Fox")
      .setStatus(RunStatus.COMPLETED).setCurrentStage(Stage.RUN).setIteration(0).setConfig(RunConfig.newBuilder().build())
      .setCreatedAt(1).setUpdatedAt(2).build();

  private final HttpClient http = HttpClient.newHttpClient();
  private WebServer server;

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void aKnownRunIsItsStateAsJson() throws Exception {
    start(new FixedRuns(Map.of("run-1", RUN), true));

    HttpResponse<String> response = get("/api/v1/runs/run-1");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).contains("application/json"));
    assertThat(response.body()).contains("\"runId\": \"run-1\"").contains("\"status\": \"COMPLETED\"");
  }

  @Test
  void anUnknownRunIs404WithAJsonError() throws Exception {
    start(new FixedRuns(Map.of(), true));

    HttpResponse<String> response = get("/api/v1/runs/run-2/costs");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("{\"error\":\"not_found\",\"message\":\"no run run-2\"}");
  }

  @Test
  void aMalformedRunIdIs400() throws Exception {
    start(new FixedRuns(Map.of(), true));

    HttpResponse<String> response = get("/api/v1/runs/run%20one");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"error\":\"bad_run_id\"");
  }

  @Test
  void whileTheStoresRebalanceTheAnswerIs503WithRetryAfter() throws Exception {
    start(new FixedRuns(Map.of("run-1", RUN), false));

    HttpResponse<String> response = get("/api/v1/runs/run-1");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("retry-after")).hasValue("2");
    assertThat(get("/health").statusCode()).isEqualTo(503);
  }

  private void start(RunQueries queries) {
    server = ApiServer.start("127.0.0.1", 0, queries);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Runs held in a map; "not ready" stands for a rebalance. */
  private record FixedRuns(Map<String, Run> runs, boolean ready) implements RunQueries {
    @Override
    public Lookup<Run> run(String runId) {
      if (!ready) {
        return new Lookup.Unavailable<>(2, "rebalancing");
      }
      return runs.containsKey(runId) ? new Lookup.Found<>(runs.get(runId)) : new Lookup.Missing<>();
    }

    @Override
    public Lookup<RunCosts> costs(String runId) {
      return ready ? new Lookup.Missing<>() : new Lookup.Unavailable<>(2, "rebalancing");
    }
  }
}
