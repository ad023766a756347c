package dev.krag.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.krag.schemas.Role;
import dev.krag.schemas.RunConfig;
import dev.krag.stages.store.LocalAssetStore;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The API under requests generated to be wrong: bodies of any JSON shape, ids and credentials of
 * any characters (injection strings, traversal, control and right-to-left characters), content
 * types it does not take. Every answer is a 4xx with a JSON error that says why, or a success for
 * what happens to be valid; none is a 5xx, and the server is still up after all of them.
 */
class GeneratedBadRequestsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final InMemoryPlatform PLATFORM = new InMemoryPlatform();
  private static WebServer server;
  private static String key;

  @BeforeContainer
  static void start() throws IOException {
    key = PLATFORM.key("mallory", Role.EDITOR);
    // A rate limit no generated burst reaches: refusals must be for what is sent, not how often.
    server = ApiServer.start("127.0.0.1", 0, new Backend(PLATFORM, PLATFORM, PLATFORM,
        new LocalAssetStore(Files.createTempDirectory("bucket")), RunConfig.newBuilder().build(), 10_000,
        new Security(InMemoryPlatform.NO_JWTS, new LocalRateLimiter(new RateLimit(1_000_000, 100_000)), new Quotas(4, 25.0))));
  }

  @AfterContainer
  static void stop() throws Exception {
    assertThat(send(HttpRequest.newBuilder(uri("/health"))).statusCode()).as("still up").isEqualTo(200);
    server.stop();
  }

  @Property(tries = 300)
  void anyJsonPostedIsTakenOrRefusedWithAReason(@ForAll("json") String body, @ForAll("writes") String path) throws Exception {
    HttpResponse<String> answer = send(HttpRequest.newBuilder(uri(path)).header("X-API-Key", key)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));

    assertTakenOrRefused(answer, path + " " + body);
  }

  @Property(tries = 300)
  void anyIdIsNotFoundOrRefusedWithAReason(@ForAll("ids") String id, @ForAll("reads") String template) throws Exception {
    String path = template.replace("{id}", URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"));
    HttpResponse<String> answer = send(HttpRequest.newBuilder(uri(path)).header("X-API-Key", key));

    assertRefused(answer, path);
  }

  @Property(tries = 200)
  void anyForgedCredentialIsUnauthorised(@ForAll("credentials") String credential, @ForAll boolean asBearer) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/runs"));
    HttpResponse<String> answer = send(asBearer ? request.header("Authorization", "Bearer " + credential)
        : request.header("X-API-Key", credential));

    assertRefused(answer, credential);
    assertThat(answer.statusCode()).isEqualTo(401);
  }

  @Property(tries = 100)
  void aBodyOfAnotherTypeIsRefused(@ForAll("contentTypes") String type, @ForAll("writes") String path) throws Exception {
    HttpResponse<String> answer = send(HttpRequest.newBuilder(uri(path)).header("X-API-Key", key).header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"A fox met a cat.\"}")));

    assertRefused(answer, type);
  }

  @Provide
  Arbitrary<String> json() {
    Arbitrary<String> scalar = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(40).map(GeneratedBadRequestsTest::quoted),
        Arbitraries.integers().map(String::valueOf), Arbitraries.doubles().map(String::valueOf),
        Arbitraries.of("true", "false", "null", "1e999", "-0", "\"\\ud800\"", "\"\\u0000\""));
    Arbitrary<String> field = Arbitraries.oneOf(Arbitraries.of("text", "title", "runId", "shotId", "action", "comment", "role",
        "maxIterations", "maxCostUsd", "targetDurationSeconds", "name"), Arbitraries.strings().ofMaxLength(12));
    Arbitrary<String> object = Arbitraries.maps(field, scalar).ofMaxSize(5).map(fields -> fields.entrySet().stream()
        .map(e -> quoted(e.getKey()) + ": " + e.getValue()).reduce((a, b) -> a + ", " + b).map(s -> "{" + s + "}").orElse("{}"));
    Arbitrary<String> array = scalar.list().ofMaxSize(4).map(items -> "[" + String.join(", ", items) + "]");
    Arbitrary<String> broken = Arbitraries.strings().ofMaxLength(60);
    return Arbitraries.oneOf(object, object.map(o -> "{\"text\": " + o + "}"), array, scalar, broken);
  }

  @Provide
  Arbitrary<String> writes() {
    return Arbitraries.of("/api/v1/stories", "/api/v1/stories/story-none/run", "/api/v1/feedback", "/api/v1/keys");
  }

  @Provide
  Arbitrary<String> ids() {
    return Arbitraries.oneOf(Arbitraries.strings().ofMinLength(1).ofMaxLength(300),
        Arbitraries.of("../../etc/passwd", "..%2F..", "' OR 1=1 --", "\"; DROP TABLE runs; --", "<script>alert(1)</script>",
            "run-1/../../secrets", "${jndi:ldap://x/a}", "\u202etxt.exe", "%00", "run\r\nX-Injected: 1", "MATCH (n) DETACH DELETE n"));
  }

  @Provide
  Arbitrary<String> reads() {
    return Arbitraries.of("/api/v1/runs/{id}", "/api/v1/stories/{id}", "/api/v1/runs/{id}/costs", "/api/v1/runs/{id}/shots",
        "/api/v1/runs/{id}/video", "/api/v1/runs/run-1/shots/{id}/image", "/api/v1/runs?status={id}");
  }

  @Provide
  Arbitrary<String> credentials() {
    return Arbitraries.oneOf(Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(200),
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(20).map(s -> "krag_" + s + "_" + s),
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(30).list().ofSize(3).map(parts -> String.join(".", parts)));
  }

  @Provide
  Arbitrary<String> contentTypes() {
    return Arbitraries.of("text/plain", "application/xml", "multipart/form-data; boundary=x", "application/json; charset=latin1",
        "application/x-www-form-urlencoded", "image/png");
  }

  private static void assertTakenOrRefused(HttpResponse<String> answer, String what) throws IOException {
    if (answer.statusCode() / 100 == 2) {
      return;
    }
    assertRefused(answer, what);
  }

  private static void assertRefused(HttpResponse<String> answer, String what) throws IOException {
    assertThat(answer.statusCode()).as(what + " → " + answer.body()).isBetween(400, 499);
    JsonNode error = JSON.readTree(answer.body());
    assertThat(error.path("error").asText()).as(what + " → " + answer.body()).isNotBlank();
    assertThat(error.path("message").asText()).as(what + " → " + answer.body()).isNotBlank();
    assertThat(answer.body()).doesNotContain("Exception", "\tat ");
  }

  private static String quoted(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
