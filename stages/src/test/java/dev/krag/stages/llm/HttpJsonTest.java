package dev.krag.stages.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
}
