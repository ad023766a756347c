package dev.krag.stages.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import dev.krag.stages.llm.ProviderDouble.Reply;
import dev.krag.stages.llm.ProviderDouble.Request;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpJsonTest {

  private static final HttpJson.Policy POLICY = new HttpJson.Policy(Duration.ofSeconds(5), 3, Duration.ofSeconds(1), Duration.ofSeconds(8));

  private final FakeOpenAi provider = new FakeOpenAi().answering(r -> "{\"ok\":true}");
  private final List<Duration> waits = new ArrayList<>();
  private final HttpJson http = new HttpJson(POLICY, waits::add, () -> 0.5);

  HttpJsonTest() throws Exception {}

  @AfterEach
  void stop() {
    provider.close();
  }

  @Test
  void aRateLimitIsRetriedAfterTheWaitTheProviderAsksFor() {
    provider.then(FakeOpenAi.error(429, "Rate limit reached", Map.of("Retry-After", "2")));

    var answer = http.post(provider.baseUrl().resolve("chat/completions"), Map.of(), Map.of("model", "m"));

    assertThat(answer.path("choices").path(0).path("message").path("content").asText()).isEqualTo("{\"ok\":true}");
    assertThat(waits).containsExactly(Duration.ofSeconds(2));
    assertThat(provider.received).hasSize(2);
  }

  @Test
  void serverErrorsBackOffExponentiallyWithJitterThenGiveUpWithTheProvidersMessage() {
    provider.then(FakeOpenAi.error(503, "overloaded", Map.of())).then(FakeOpenAi.error(502, "bad gateway", Map.of()))
        .then(FakeOpenAi.error(500, "The server had an error", Map.of()));

    assertThatThrownBy(() -> http.post(provider.baseUrl().resolve("chat/completions"), Map.of(), Map.of()))
        .isInstanceOf(ProviderException.class).hasMessageContaining("500").hasMessageContaining("The server had an error");
    // Half of each doubling step is fixed, half random (0.5 here): 1 s -> 750 ms, 2 s -> 1.5 s.
    assertThat(waits).containsExactly(Duration.ofMillis(750), Duration.ofMillis(1500));
    assertThat(provider.received).hasSize(3);
  }

  @Test
  void aRefusedRequestIsNotRetried() {
    provider.then(FakeOpenAi.error(401, "Incorrect API key provided", Map.of()));

    assertThatThrownBy(() -> http.post(provider.baseUrl().resolve("chat/completions"), Map.of(), Map.of()))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retriable()).isFalse())
        .hasMessageContaining("Incorrect API key provided");
    assertThat(provider.received).hasSize(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void aProviderThatIsDownIsReportedAfterTheLastTry() {
    provider.close();

    assertThatThrownBy(() -> http.post(provider.baseUrl().resolve("chat/completions"), Map.of(), Map.of()))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.status()).isZero())
        .hasMessageContaining("unreachable");
    assertThat(waits).hasSize(2);
  }

  @Test
  void theBackoffNeverPassesItsCeiling() {
    HttpJson maxJitter = new HttpJson(POLICY, d -> {}, () -> 1.0);

    assertThat(maxJitter.backoff(10)).isEqualTo(Duration.ofSeconds(8));
  }

  @Test
  void everyKindOfCallIsRetriedTheSameWay() throws Exception {
    byte[] audio = {1, 2, 3, -128, 127};
    try (MediaProvider media = new MediaProvider(audio)) {
      URI uri = media.server.root().resolve("media");
      media.server.then(new Reply(503, Map.of(), "{\"error\":\"busy\"}"));
      assertThat(http.postForBytes(uri, Map.of("X-Key", "k"), Map.of("text", "a"))).containsExactly(audio);
      media.server.then(new Reply(429, Map.of("Retry-After", "1"), "{\"error\":\"slow down\"}"));
      assertThat(http.getBytes(uri, Map.of())).containsExactly(audio);
      media.server.then(new Reply(500, Map.of(), "{\"error\":\"oops\"}"));
      assertThat(http.get(uri.resolve("media.json"), Map.of()).path("ok").asBoolean()).isTrue();

      assertThat(waits).containsExactly(Duration.ofMillis(750), Duration.ofSeconds(1), Duration.ofMillis(750));
      assertThat(media.received).extracting(Request::method).containsExactly("POST", "POST", "GET", "GET", "GET", "GET");
      assertThat(media.received.get(1).header("Content-Type")).isEqualTo("application/json");
      assertThat(media.received.get(1).header("X-Key")).isEqualTo("k");
      assertThat(media.received.get(1).body().path("text").asText()).isEqualTo("a");
      assertThat(media.received.get(3).header("Content-Type")).as("a GET has no body to type").isEmpty();
    }
  }

  @Test
  void theProvidersOwnWordsAreFoundInEachErrorShape() throws Exception {
    Map<String, String> shapes = Map.of(
        "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\"}}", "Incorrect API key provided",
        "{\"type\":\"error\",\"error\":{\"type\":\"not_found_error\",\"message\":\"model: x\"}}", "model: x",
        "{\"detail\":{\"status\":\"invalid_api_key\",\"message\":\"Invalid API key\"}}", "Invalid API key",
        "{\"title\":\"Unauthenticated\",\"detail\":\"You did not pass a valid authentication token\",\"status\":401}",
        "You did not pass a valid authentication token",
        "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\",\"text\"],\"msg\":\"Field required\"},"
            + "{\"type\":\"string_type\",\"loc\":[\"body\",\"model_id\"],\"msg\":\"Input should be a valid string\"}]}",
        "body.text: Field required; body.model_id: Input should be a valid string",
        "<html>Bad Request</html>", "<html>Bad Request</html>");
    try (MediaProvider media = new MediaProvider(new byte[0])) {
      shapes.forEach((body, words) -> {
        media.server.then(new Reply(400, Map.of(), body));
        assertThatThrownBy(() -> http.getBytes(media.server.root().resolve("media"), Map.of()))
            .isInstanceOf(ProviderException.class).hasMessageEndingWith("answered 400: " + words);
      });
    }
  }

  /** A provider of raw bytes at /media and of {"ok": true} at /media.json, with the script before either. */
  private static final class MediaProvider implements AutoCloseable {

    final List<Request> received = new CopyOnWriteArrayList<>();
    final ProviderDouble server;
    private final byte[] bytes;

    MediaProvider(byte[] bytes) throws IOException {
      this.bytes = bytes;
      this.server = new ProviderDouble(Map.of("/media", this::answer));
    }

    private void answer(HttpExchange exchange) throws IOException {
      Request request = Request.read(exchange);
      received.add(request);
      Optional<Reply> scripted = server.scripted();
      if (scripted.isPresent()) {
        ProviderDouble.send(exchange, scripted.get());
      } else if (request.path().endsWith(".json")) {
        ProviderDouble.send(exchange, new Reply(200, Map.of(), "{\"ok\":true}"));
      } else {
        ProviderDouble.send(exchange, 200, "application/octet-stream", bytes);
      }
    }

    @Override
    public void close() {
      server.close();
    }
  }
}
