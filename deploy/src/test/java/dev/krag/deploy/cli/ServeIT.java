package dev.krag.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.krag.deploy.KragConfig;
import dev.krag.deploy.SmallFilm;
import dev.krag.schemas.Bucket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code krag serve} as a person uses it: each endpoint it prints answers, a story posted to the
 * API becomes a film the API serves, and it stops when asked.
 */
class ServeIT {

  private static final Duration UP = Duration.ofMinutes(5);
  private static final Duration RUN = Duration.ofMinutes(5);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path out;

  @Test
  void everyPrintedEndpointAnswersUntilTheServerIsStopped() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(printed, true, StandardCharsets.UTF_8);
    KragConfig config = KragConfig.from(SmallFilm.with(Map.of("KRAG_API_PORT", "0"))::get).withOutDir(out);
    CountDownLatch stop = new CountDownLatch(1);
    ExecutorService serving = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> served = serving.submit(() -> ServeCommand.run(config, err, stop));
      String lines = Printed.await(printed, "connect", served, UP);

      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> health = http.send(
          HttpRequest.newBuilder(URI.create(Printed.value(lines, "api", "health: ([^,\\s)]+)"))).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
      String runs = Printed.value(lines, "api", "(\\S+)/\\{id}").replace("{id}", "");
      HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(runs + "/run-nobody-made")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(anonymous.statusCode()).as("no key, no answer").isEqualTo(401);
      String adminKey = Files.readString(Path.of(Printed.value(lines, "admin key", "admin key\\s+(\\S+)"))).strip();
      HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(runs + "/run-nobody-made")).header("X-API-Key", adminKey)
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(unknown.statusCode()).isEqualTo(404);

      try (Connection db = DriverManager.getConnection(Printed.value(lines, "postgres", "(jdbc:\\S+)"));
           ResultSet tables = db.createStatement().executeQuery("SELECT count(*) FROM pipeline_runs")) {
        assertThat(tables.next()).isTrue();
      }

      Bucket bucket = new Bucket(URI.create(Printed.value(lines, "s3", "(http\\S+)")), Printed.value(lines, "s3", "region (\\S+)"),
          Printed.value(lines, "s3", "bucket (\\S+)"), Printed.value(lines, "s3", "access key (\\S+)"), Printed.value(lines, "s3", "secret (\\S+)"));
      try (S3Client s3 = bucket.client()) {
        s3.headBucket(b -> b.bucket(bucket.name()));
      }

      String api = Printed.value(lines, "api", "(\\S+)/api/v1/runs/");
      String alice = newKey(api, adminKey, "alice", "editor");
      String runId = filmThroughTheApi(api, alice);
      steerInTheStudio(api, alice, out.resolve("chromium"));
      HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(api + "/metrics")).header("X-API-Key", adminKey).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(metrics.body()).as("the spec's metrics, after the runs").contains("pipeline_duration_seconds_count{stage=\"run\"}",
          "pipeline_duration_seconds_count{stage=\"generate\"}", "generation_cost_dollars_total{model=", "agent_calls_total{agent=\"parse\",status=\"ok\"}",
          "agent_latency_seconds_bucket{agent=\"edit\"", "kafka_consumer_fetch_manager_records_lag_max",
          "http_server_requests_seconds_bucket{");
      HttpResponse<String> another = http.send(HttpRequest.newBuilder(URI.create(api + "/api/v1/runs/" + runId))
          .header("X-API-Key", newKey(api, adminKey, "bob", "viewer")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(another.statusCode()).as("another's run is not there for bob").isEqualTo(404);

      stop.countDown();
      assertThat(served.get(2, TimeUnit.MINUTES)).isZero();
      assertThat(printed.toString(StandardCharsets.UTF_8)).contains("krag serve: stopping");
    } finally {
      stop.countDown();
      serving.shutdownNow();
    }
  }

  /**
   * A person in the studio, in a real headless Chromium: a tale pasted and made into a film, watched
   * live, a shot rejected with a comment and seen rendered again, the film edited anew, then a
   * change of the whole film asked for and every shot seen rendered again. The page as
   * it ended is kept in {@code target/studio.png}.
   */
  private static void steerInTheStudio(String api, String key, Path profile) throws Exception {
    String tale = Files.readString(Path.of(System.getProperty("krag.stories", "../../shared/stories"), "grimm",
        "26-the-old-man-and-his-grandson.txt"));
    try (HeadlessChromium browser = HeadlessChromium.start(profile, 1400, 1800)) {
      browser.open(api + "/studio/");
      browser.evaluate("document.querySelector('#key').value = " + JSON.writeValueAsString(key)
          + "; document.querySelector('#signin').requestSubmit(); true");
      browser.await("signing in", () -> browser.evaluate("document.querySelector('#who').textContent").asText().equals("signed in"),
          Duration.ofSeconds(30));
      browser.evaluate("document.querySelector('#text').value = " + JSON.writeValueAsString(tale)
          + "; document.querySelector('#seconds').value = '30'; document.querySelector('#story').requestSubmit(); true");
      browser.await("the film made and shown", () -> status(browser).equals("COMPLETED")
          && browser.evaluate("document.querySelectorAll('#shots li[data-shot]').length").asInt() > 0
          && browser.evaluate("document.querySelector('#film').readyState").asInt() >= 1, RUN);
      assertThat(browser.evaluate("document.querySelectorAll('#stages li.completed').length").asInt()).as("every stage done").isEqualTo(5);
      assertThat(browser.evaluate("document.querySelectorAll('#costs tbody tr').length").asInt()).as("the cost breakdown").isPositive();
      assertThat(browser.evaluate("[...document.querySelectorAll('#shots img')].every(i => i.complete && i.naturalWidth > 0)")
          .asBoolean()).as("every thumbnail drawn").isTrue();
      int runIteration = runIteration(browser);
      String shot = browser.evaluate("document.querySelector('#shots li[data-shot]').dataset.shot").asText();
      int shotIteration = shotIteration(browser, shot);

      browser.evaluate("const card = document.querySelector('#shots li[data-shot=\"" + shot + "\"]');"
          + " card.querySelector('input').value = 'a warmer light by the stove';"
          + " card.querySelector('button[data-action=reject]').click(); true");
      browser.await("the rejected shot rendered again", () -> shotIteration(browser, shot) > shotIteration, RUN);
      browser.await("the film edited anew", () -> status(browser).equals("COMPLETED") && runIteration(browser) > runIteration, RUN);

      int revised = runIteration(browser);
      browser.evaluate("document.querySelector('#revision').value = 'all of it by moonlight';"
          + " document.querySelector('#revise').requestSubmit(); true");
      browser.await("every shot rendered again for the change of the whole film", () -> browser.evaluate(
          "[...document.querySelectorAll('#shots li[data-shot]')].every(li => Number(li.dataset.iteration) > " + revised + ")").asBoolean(),
          RUN);
      browser.await("the film edited anew, in the player", () -> status(browser).equals("COMPLETED") && runIteration(browser) > revised
          && browser.evaluate("document.querySelector('#film').readyState").asInt() >= 1, RUN);
      browser.screenshot(Path.of("target", "studio.png"));
    }
  }

  private static int runIteration(HeadlessChromium browser) {
    return browser.evaluate("Number(document.querySelector('#run-status').dataset.iteration)").asInt();
  }

  private static String status(HeadlessChromium browser) {
    return browser.evaluate("document.querySelector('#run-status').dataset.status || ''").asText();
  }

  private static int shotIteration(HeadlessChromium browser, String shot) {
    return browser.evaluate("Number((document.querySelector('#shots li[data-shot=\"" + shot + "\"]') || {dataset: {}}).dataset.iteration"
        + " || -1)").asInt();
  }

  /** A service account's key, made by the admin. */
  private static String newKey(String api, String adminKey, String principal, String role) throws Exception {
    HttpResponse<String> made = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api + "/api/v1/keys"))
        .header("X-API-Key", adminKey).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("principal", principal, "role", role)))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    return JSON.readTree(made.body()).get("key").asText();
  }

  /** Post a tale, run it, follow it to its end, and seek in its film, all over HTTP as {@code key}'s holder; the run's id. */
  private static String filmThroughTheApi(String api, String key) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String tale = Files.readString(Path.of(System.getProperty("krag.stories", "../../shared/stories"), "grimm",
        "43-the-fox-and-the-cat.txt"));
    HttpResponse<String> story = http.send(HttpRequest.newBuilder(URI.create(api + "/api/v1/stories")).header("X-API-Key", key).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("text", tale)))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(story.statusCode()).as(story.body()).isEqualTo(201);
    String storyId = JSON.readTree(story.body()).get("storyId").asText();

    HttpResponse<String> asked = http.send(HttpRequest.newBuilder(URI.create(api + "/api/v1/stories/" + storyId + "/run")).header("X-API-Key", key)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"targetDurationSeconds\": 30}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
    String runId = JSON.readTree(asked.body()).get("runId").asText();
    List<JsonNode> news = new CopyOnWriteArrayList<>();
    List<String> ended = new CopyOnWriteArrayList<>();
    WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(api.replace("http:", "ws:") + "/api/v1/runs/" + runId + "/events?access_token=" + key),
        new WebSocket.Listener() {
          private final StringBuilder partial = new StringBuilder();

          @Override
          public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
              try {
                news.add(JSON.readTree(partial.toString()));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              partial.setLength(0);
            }
            ws.request(1);
            return null;
          }

          @Override
          public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            ended.add("closed by the server: " + status + " " + reason);
            return null;
          }

          @Override
          public void onError(WebSocket ws, Throwable error) {
            ended.add("failed: " + error);
          }
        }).get(10, TimeUnit.SECONDS);

    long deadline = System.nanoTime() + RUN.toNanos();
    JsonNode run = null;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> state = http.send(HttpRequest.newBuilder(URI.create(api + "/api/v1/runs/" + runId)).header("X-API-Key", key).build(),
          HttpResponse.BodyHandlers.ofString());
      run = state.statusCode() == 200 ? JSON.readTree(state.body()) : null;
      if (run != null && (run.get("status").asText().equals("COMPLETED") || run.get("status").asText().equals("FAILED"))) {
        break;
      }
      Thread.sleep(1000);
    }
    assertThat(run).isNotNull();
    assertThat(run.get("status").asText()).as(run::toString).isEqualTo("COMPLETED");
    Thread.sleep(1000); // the last events on their way to the socket
    assertThat(ended).as("the socket, open until the client closes it; news: %s", news).isEmpty();
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "seen").get(10, TimeUnit.SECONDS);
    assertThat(news).as("the run, then its news as it happened").first().satisfies(first -> assertThat(first.get("type").asText()).isEqualTo("run"));
    assertThat(news).filteredOn(n -> n.has("thumbnail")).as("shots ready, with their thumbnails").isNotEmpty();
    assertThat(news).filteredOn(n -> n.path("type").asText().equals("cost")).as("costs as they are spent").isNotEmpty();
    assertThat(news).anySatisfy(n -> assertThat(n.path("event").path("type").asText()).isEqualTo("COMPLETED"));
    String thumbnail = news.stream().filter(n -> n.has("thumbnail")).findFirst().orElseThrow().get("thumbnail").asText();
    assertThat(http.send(HttpRequest.newBuilder(URI.create(api + thumbnail)).header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofByteArray()).statusCode())
        .isEqualTo(200);

    HttpResponse<byte[]> head = http.send(HttpRequest.newBuilder(URI.create(api + "/api/v1/runs/" + runId + "/output")).header("X-API-Key", key)
        .header("Range", "bytes=0-7").build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(head.statusCode()).isEqualTo(206);
    assertThat(new String(head.body(), 4, 4, StandardCharsets.US_ASCII)).as("an MP4's first box").isEqualTo("ftyp");
    JsonNode shots = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(api + "/api/v1/runs/" + runId + "/shots")).header("X-API-Key", key).build(),
        HttpResponse.BodyHandlers.ofString()).body());
    assertThat(shots.size()).isEqualTo(run.get("shots").asInt()).isPositive();
    JsonNode listed = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(api + "/api/v1/runs?storyId=" + storyId)).header("X-API-Key", key).build(),
        HttpResponse.BodyHandlers.ofString()).body());
    assertThat(listed).extracting(r -> r.get("runId").asText()).containsExactly(runId);
    return runId;
  }


}
