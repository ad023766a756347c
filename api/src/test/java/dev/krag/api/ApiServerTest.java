package dev.krag.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.krag.schemas.AvroJson;
import dev.krag.schemas.AvroSamples;
import dev.krag.schemas.CostEvent;
import dev.krag.schemas.Feedback;
import dev.krag.schemas.FeedbackAction;
import dev.krag.schemas.Run;
import dev.krag.schemas.Role;
import dev.krag.schemas.RunConfig;
import dev.krag.schemas.RunCosts;
import dev.krag.schemas.RunEvent;
import dev.krag.schemas.RunEventType;
import dev.krag.schemas.RunRequested;
import dev.krag.schemas.RunStatus;
import dev.krag.schemas.Shot;
import dev.krag.schemas.ShotAssets;
import dev.krag.schemas.ShotAssetsProgress;
import dev.krag.schemas.ShotTask;
import dev.krag.schemas.Stage;
import dev.krag.schemas.Story;
import dev.krag.stages.store.LocalAssetStore;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP layer over stores and topics held in memory: statuses, bodies and errors as a client sees them. */
class ApiServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OWNER = "alice";
  private static final Run RUN = run("run-1", "story-1", RunStatus.COMPLETED, 1);

  @TempDir Path bucket;
  private final HttpClient http = HttpClient.newHttpClient();
  private final InMemoryPlatform platform = new InMemoryPlatform();
  /** The caller of every request: an editor who owns the runs. */
  private final String key = platform.key(OWNER, Role.EDITOR);
  private WebServer server;

  @BeforeEach
  void start() throws Exception {
    platform.runs.put("run-1", RUN);
    platform.runs.put("run-2", run("run-2", "story-2", RunStatus.RUNNING, 2));
    platform.shots.put("run-1", ShotAssetsProgress.newBuilder(AvroSamples.of(ShotAssetsProgress.class)).setRunId("run-1")
        .setShots(List.of(shot("scene-001-shot-02", 1), shot("scene-001-shot-01", 0))).build());
    LocalAssetStore media = new LocalAssetStore(bucket);
    media.write("outputs/run-1/final.mp4", "0123456789".getBytes(StandardCharsets.UTF_8));
    media.write("assets/run-1/images/0.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    server = ApiServer.start("127.0.0.1", 0, new Backend(platform, platform, platform, media, RunConfig.newBuilder().build(), 1000,
        InMemoryPlatform.security()));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void aKnownRunIsItsStateAsJsonAndAnUnknownOneA404() throws Exception {
    HttpResponse<String> known = get("/api/v1/runs/run-1");
    assertThat(known.statusCode()).isEqualTo(200);
    assertThat(known.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).contains("application/json"));
    assertThat(JSON.readTree(known.body()).get("status").asText()).isEqualTo("COMPLETED");

    HttpResponse<String> unknown = get("/api/v1/runs/run-9/costs");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).isEqualTo("{\"error\":\"not_found\",\"message\":\"no run run-9\"}");
    assertThat(get("/api/v1/runs/run%20one").body()).contains("\"error\":\"bad_run_id\"");
  }

  @Test
  void whileTheStoresRebalanceEveryReadIs503WithRetryAfter() throws Exception {
    platform.ready = false;

    for (String path : List.of("/api/v1/runs/run-1", "/api/v1/runs", "/api/v1/stories/story-1", "/api/v1/runs/run-1/shots", "/health",
        "/health/ready")) {
      HttpResponse<String> response = get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(503);
      assertThat(response.headers().firstValue("retry-after")).as(path).hasValue("2");
    }
    assertThat(get("/health/live").statusCode()).as("alive all the same").isEqualTo(200);
  }

  @Test
  void aPostedStoryIsOnItsTopicReadableAtItsLocationAndTheSameTextIsTheSameStory() throws Exception {
    HttpResponse<String> posted = post("/api/v1/stories", "{\"title\": \"The Fox\", \"text\": \"A fox met a cat in the wood.\"}");

    assertThat(posted.statusCode()).isEqualTo(201);
    JsonNode body = JSON.readTree(posted.body());
    String id = body.get("storyId").asText();
    assertThat(posted.headers().firstValue("location")).hasValue("/api/v1/stories/" + id);
    assertThat(body.get("words").asInt()).isEqualTo(8);
    assertThat(JSON.readTree(get("/api/v1/stories/" + id).body()).get("text").asText()).isEqualTo("A fox met a cat in the wood.");
    assertThat(JSON.readTree(post("/api/v1/stories", "{\"text\": \"A fox met a cat in the wood.\"}").body()).get("storyId").asText())
        .isEqualTo(id);
    assertThat(platform.posted).extracting(Story::getTitle).containsExactly("The Fox", "A fox met a cat in the wood.");
  }

  @Test
  void aStoryTheApiCannotTakeIsA4xxThatSaysWhy() throws Exception {
    assertError(post("/api/v1/stories", "{\"text\": \"x\", \"author\": \"me\"}"), 400, "unknown_field");
    assertError(post("/api/v1/stories", "{\"title\": \"no text\"}"), 400, "missing_text");
    assertError(post("/api/v1/stories", "{\"text\": 42}"), 400, "bad_field");
    assertError(post("/api/v1/stories", "{\"text\": "), 400, "bad_json");
    assertError(post("/api/v1/stories", "{\"text\": \"" + "word ".repeat(300) + "\"}"), 413, "too_large");
    assertError(send("/api/v1/stories", "text/plain", "Once upon a time".getBytes(StandardCharsets.UTF_8)), 415, "unsupported_media_type");
    byte[] latin1 = "{\"text\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
    assertError(send("/api/v1/stories", "application/json", latin1), 400, "not_utf8");
    assertThat(platform.posted).isEmpty();
  }

  @Test
  void aRunOfAStoryIsRequestedWithTheDefaultsAndWhatTheCallerAskedFor() throws Exception {
    String id = JSON.readTree(post("/api/v1/stories", "{\"text\": \"A fox met a cat.\"}").body()).get("storyId").asText();

    HttpResponse<String> asked = post("/api/v1/stories/" + id + "/run", "{\"targetDurationSeconds\": 30}");

    assertThat(asked.statusCode()).isEqualTo(202);
    String runId = JSON.readTree(asked.body()).get("runId").asText();
    assertThat(asked.headers().firstValue("location")).hasValue("/api/v1/runs/" + runId);
    assertThat(platform.requested).singleElement().satisfies(r -> {
      assertThat(r.getRunId()).isEqualTo(runId);
      assertThat(r.getText()).isEqualTo("A fox met a cat.");
      assertThat(r.getConfig().getTargetDurationSeconds()).isEqualTo(30.0);
      assertThat(r.getConfig().getFps()).isEqualTo(24);
    });
    assertError(post("/api/v1/stories/story-none/run", ""), 404, "not_found");
    assertError(post("/api/v1/stories/" + id + "/run", "{\"targetDurationSeconds\": 1}"), 400, "bad_field");
  }

  @Test
  void runsAreListedNewestFirstByStoryAndStatus() throws Exception {
    assertThat(JSON.readTree(get("/api/v1/runs").body())).extracting(r -> r.get("runId").asText()).containsExactly("run-2", "run-1");
    assertThat(JSON.readTree(get("/api/v1/runs?status=completed").body())).extracting(r -> r.get("runId").asText())
        .containsExactly("run-1");
    assertThat(JSON.readTree(get("/api/v1/runs?storyId=story-2").body())).extracting(r -> r.get("runId").asText())
        .containsExactly("run-2");
    assertError(get("/api/v1/runs?status=asleep"), 400, "bad_status");
  }

  @Test
  void aRunsShotsAreInFilmOrderWithWhatTheyShowAndSay() throws Exception {
    JsonNode shots = JSON.readTree(get("/api/v1/runs/run-1/shots").body());

    assertThat(shots).extracting(s -> s.get("shotId").asText()).containsExactly("scene-001-shot-01", "scene-001-shot-02");
    assertThat(shots.get(0).get("narration").asText()).isEqualTo("narration 0");
    assertThat(shots.get(0).get("image").asText()).isEqualTo("assets/run-1/images/0.png");
  }

  @Test
  void theFilmIsServedWholeOrByTheRangeABrowserAsksFor() throws Exception {
    HttpResponse<String> whole = get("/api/v1/runs/run-1/output");
    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(whole.body()).isEqualTo("0123456789");
    assertThat(whole.headers().firstValue("accept-ranges")).hasValue("bytes");
    assertThat(whole.headers().firstValue("content-type")).hasValue("video/mp4");

    HttpResponse<String> middle = get("/api/v1/runs/run-1/output", "bytes=2-5");
    assertThat(middle.statusCode()).isEqualTo(206);
    assertThat(middle.body()).isEqualTo("2345");
    assertThat(middle.headers().firstValue("content-range")).hasValue("bytes 2-5/10");
    assertThat(get("/api/v1/runs/run-1/output", "bytes=7-").body()).isEqualTo("789");
    assertThat(get("/api/v1/runs/run-1/output", "bytes=-3").body()).isEqualTo("789");

    HttpResponse<String> past = get("/api/v1/runs/run-1/output", "bytes=10-");
    assertError(past, 416, "bad_range");
    assertThat(past.headers().firstValue("content-range")).hasValue("bytes */10");
    assertError(get("/api/v1/runs/run-2/output"), 409, "no_output");
  }

  @Test
  void feedbackOnAShotOfTheRunGoesToItsTopicAndFeedbackOnNothingIsRefused() throws Exception {
    HttpResponse<String> sent = post("/api/v1/feedback",
        "{\"feedbackId\": \"fb-1\", \"runId\": \"run-1\", \"shotId\": \"scene-001-shot-01\", \"action\": \"reject\", \"comment\": \"a darker wood\"}");

    assertThat(sent.statusCode()).isEqualTo(202);
    assertThat(platform.feedback).singleElement().satisfies(f -> {
      assertThat(f.getFeedbackId()).isEqualTo("fb-1");
      assertThat(f.getAction()).isEqualTo(FeedbackAction.REJECT_SHOT);
      assertThat(f.getComment()).isEqualTo("a darker wood");
    });
    assertError(post("/api/v1/feedback", "{\"runId\": \"run-1\", \"shotId\": \"scene-001-shot-01\", \"action\": \"love\"}"), 400, "bad_action");
    assertError(post("/api/v1/feedback", "{\"runId\": \"run-1\", \"shotId\": \"scene-009-shot-01\", \"action\": \"approve\"}"), 404, "not_found");
    assertError(post("/api/v1/feedback", "{\"runId\": \"run-1\", \"action\": \"approve\"}"), 400, "missing_field");
    assertThat(platform.feedback).hasSize(1);

    assertThat(post("/api/v1/feedback", "{\"runId\": \"run-1\", \"action\": \"revise\", \"comment\": \"all by moonlight\"}").statusCode())
        .as("a change of the whole run").isEqualTo(202);
    assertThat(platform.feedback.getLast()).satisfies(f -> {
      assertThat(f.getAction()).isEqualTo(FeedbackAction.REVISE_RUN);
      assertThat(f.getShotId()).isEmpty();
    });
    assertError(post("/api/v1/feedback", "{\"runId\": \"run-1\", \"action\": \"revise\"}"), 400, "missing_comment");
    assertError(post("/api/v1/feedback", "{\"runId\": \"run-1\", \"shotId\": \"scene-001-shot-01\", \"action\": \"revise\", "
        + "\"comment\": \"x\"}"), 400, "bad_field");
  }

  @Test
  void aShotsFrameIsItsThumbnail() throws Exception {
    HttpResponse<byte[]> frame = http.send(HttpRequest.newBuilder(uri("/api/v1/runs/run-1/shots/scene-001-shot-01/image")).header("X-API-Key", key).build(),
        HttpResponse.BodyHandlers.ofByteArray());

    assertThat(frame.statusCode()).isEqualTo(200);
    assertThat(frame.headers().firstValue("content-type")).hasValue("image/png");
    assertThat(frame.body()).startsWith((byte) 0x89, (byte) 'P');
    assertError(get("/api/v1/runs/run-1/shots/scene-009-shot-01/image"), 404, "not_found");
  }

  @Test
  void theEventsSocketGivesTheRunThenItsNewsAsItHappensAndTakesFeedbackOnItsShots() throws Exception {
    Messages messages = new Messages();
    WebSocket socket = http.newWebSocketBuilder().header("X-API-Key", key).buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/api/v1/runs/run-1/events"),
        messages).get(10, TimeUnit.SECONDS);

    assertThat(messages.next().get("type").asText()).isEqualTo("run");
    platform.tell("run-1", new RunNews.News.Happened(RunEvent.newBuilder(AvroSamples.of(RunEvent.class)).setRunId("run-1")
        .setType(RunEventType.SHOT_READY).setDetails(Map.of("shotId", "scene-001-shot-01")).build()));
    JsonNode ready = messages.next();
    assertThat(ready.get("event").get("type").asText()).isEqualTo("SHOT_READY");
    assertThat(ready.get("thumbnail").asText()).isEqualTo("/api/v1/runs/run-1/shots/scene-001-shot-01/image");
    platform.tell("run-1", new RunNews.News.Cost(CostEvent.newBuilder(AvroSamples.of(CostEvent.class)).setRunId("run-1").setUsd(0.01).build()));
    assertThat(messages.next().get("cost").get("usd").asDouble()).isEqualTo(0.01);
    platform.tell("run-2", new RunNews.News.Cost(AvroSamples.of(CostEvent.class)));

    socket.sendText("{\"shotId\": \"scene-001-shot-01\", \"action\": \"reject\", \"comment\": \"more moon\"}", true).get();
    JsonNode accepted = messages.next();
    assertThat(accepted.get("type").asText()).as("another run's news is not this socket's").isEqualTo("feedback");
    assertThat(platform.feedback).singleElement().satisfies(f -> {
      assertThat(f.getRunId()).isEqualTo("run-1");
      assertThat(f.getComment()).isEqualTo("more moon");
    });
    socket.sendText("{\"shotId\": \"scene-001-shot-01\", \"action\": \"adore\"}", true).get();
    assertThat(messages.next().get("error").asText()).isEqualTo("bad_action");
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get();

    Messages unknown = new Messages();
    http.newWebSocketBuilder().header("X-API-Key", key).buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/api/v1/runs/run-9/events"), unknown)
        .get(10, TimeUnit.SECONDS);
    assertThat(unknown.next(RunEventsSocket.ARRIVAL.plusSeconds(10)).get("error").asText()).isEqualTo("not_found");
  }

  @Test
  void aSocketOpenedTheMomentItsRunIsAcceptedWaitsForTheRunsFirstState() throws Exception {
    Messages messages = new Messages();
    http.newWebSocketBuilder().header("X-API-Key", key).buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/api/v1/runs/run-3/events"), messages)
        .get(10, TimeUnit.SECONDS);
    platform.tell("run-3", new RunNews.News.Cost(CostEvent.newBuilder(AvroSamples.of(CostEvent.class)).setRunId("run-3").build()));
    Thread.sleep(500);
    platform.runs.put("run-3", run("run-3", "story-3", RunStatus.REQUESTED, 0));

    assertThat(messages.next().get("type").asText()).as("the state comes first").isEqualTo("run");
    assertThat(messages.next().get("type").asText()).as("then the news held back for it").isEqualTo("cost");
  }

  /** What a socket received, one JSON message at a time. */
  private static final class Messages implements WebSocket.Listener {
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        received.add(partial.toString());
        partial.setLength(0);
      }
      socket.request(1);
      return null;
    }

    JsonNode next() throws Exception {
      return next(Duration.ofSeconds(10));
    }

    JsonNode next(Duration within) throws Exception {
      String message = received.poll(within.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(message).as("a message within " + within).isNotNull();
      return JSON.readTree(message);
    }
  }

  @Test
  void theInternalStoreEndpointGivesThisInstancesPartForTheOthersToAsk() throws Exception {
    assertError(get("/internal/v1/stores/run-state/run-1"), 403, "forbidden");
    String peer = platform.key("instance-b", Role.ADMIN);
    HttpResponse<String> one = getAs(peer, "/internal/v1/stores/run-state/run-1");
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(AvroJson.read(one.body().getBytes(StandardCharsets.UTF_8), Run.class)).isEqualTo(RUN);
    assertError(getAs(peer, "/internal/v1/stores/run-state/run-9"), 404, "not_found");

    HttpResponse<String> all = getAs(peer, "/internal/v1/stores/run-state");
    assertThat(all.headers().firstValue("content-type")).hasValue("application/json-seq");
    assertThat(all.body().chars().filter(c -> c == StoresService.RECORD_SEPARATOR)).hasSize(2);
  }

  @Test
  void theStudioPageIsServedWithoutACredentialAndNothingElseFromItsFolder() throws Exception {
    HttpClient anonymous = HttpClient.newHttpClient();
    HttpResponse<String> page = anonymous.send(HttpRequest.newBuilder(uri("/studio/")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.body()).contains("<title>krag studio</title>", "studio.js");
    HttpResponse<String> script = anonymous.send(HttpRequest.newBuilder(uri("/studio/studio.js")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(script.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
    assertThat(anonymous.send(HttpRequest.newBuilder(uri("/studio/pom.xml")).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(404);
    HttpResponse<String> root = anonymous.send(HttpRequest.newBuilder(uri("/")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(root.statusCode()).isEqualTo(302);
    assertThat(root.headers().firstValue("location")).hasValue("/studio/");
  }

  @Test
  void metricsAreForAdminsInPrometheusFormatWithTheApisRequestsByRoute() throws Exception {
    get("/api/v1/runs/run-1");
    assertError(get("/metrics"), 403, "forbidden");

    HttpResponse<String> metrics = getAs(platform.key("prometheus", Role.ADMIN), "/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
    assertThat(metrics.body()).contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/runs/{id}\",status=\"200\"}",
        "jvm_memory_used_bytes");
    assertThat(MetricsEndpoint.route("/api/v1/runs/run-1/shots/scene-001-shot-01/image")).isEqualTo("/api/v1/runs/{id}/shots/{id}/image");
  }

  @Test
  void theOpenApiDocumentNamesEveryRoute() throws Exception {
    HttpResponse<String> document = get("/openapi");

    assertThat(document.statusCode()).isEqualTo(200);
    assertThat(document.body()).contains("/api/v1/stories:", "/api/v1/stories/{id}/run:", "/api/v1/runs/{id}/output:",
        "/api/v1/runs/{id}/shots:", "/api/v1/runs/{id}/shots/{shotId}/image:", "/api/v1/feedback:", "/internal/v1/stores/{store}/{key}:",
        "/api/v1/runs/{id}/events", "/api/v1/keys:", "securitySchemes:");
  }

  private static void assertError(HttpResponse<String> response, int status, String code) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("error").asText()).isEqualTo(code);
    assertThat(body.get("message").asText()).isNotBlank();
  }

  private HttpResponse<String> get(String path, String... range) throws Exception {
    return getAs(key, path, range);
  }

  private HttpResponse<String> getAs(String caller, String path, String... range) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("X-API-Key", caller);
    if (range.length > 0) {
      request.header("Range", range[0]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String json) throws Exception {
    return send(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> send(String path, String type, byte[] body) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).header("X-API-Key", key).header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private static Run run(String id, String storyId, RunStatus status, long createdAt) {
    return Run.newBuilder().setRunId(id).setStoryId(storyId).setTitle("The Fox").setStatus(status).setCurrentStage(Stage.RUN)
        .setIteration(0).setVideoPath(status == RunStatus.COMPLETED ? "outputs/" + id + "/final.mp4" : null)
        .setConfig(RunConfig.newBuilder().build()).setCreatedAt(createdAt).setUpdatedAt(createdAt).setOwner(OWNER).build();
  }

  private static ShotAssets shot(String shotId, int index) {
    ShotAssets sample = AvroSamples.of(ShotAssets.class);
    Shot shot = Shot.newBuilder(sample.getTask().getShot()).setShotId(shotId).setIndex(index).setNarration("narration " + index).build();
    ShotTask task = ShotTask.newBuilder(sample.getTask()).setShot(shot).build();
    return ShotAssets.newBuilder(sample).setTask(task).setImagePath("assets/run-1/images/" + index + ".png").build();
  }
}
