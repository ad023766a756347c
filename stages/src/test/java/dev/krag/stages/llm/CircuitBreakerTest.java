package dev.krag.stages.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-02T10:00:00Z"));
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  };
  private final CircuitBreaker breaker = new CircuitBreaker(2, Duration.ofSeconds(60), clock);
  private final FakeOpenAi openAi = newServer();

  @AfterEach
  void stop() {
    openAi.close();
  }

  @Test
  void failuresInARowOpenItForTheCooldownThenOneProbeClosesIt() {
    breaker.failed();
    assertThat(breaker.allows()).as("one failure").isTrue();
    breaker.failed();
    assertThat(breaker.open()).isTrue();
    assertThat(breaker.allows()).isFalse();

    now.set(now.get().plusSeconds(61));
    assertThat(breaker.allows()).as("the probe").isTrue();
    assertThat(breaker.allows()).as("one probe at a time").isFalse();
    breaker.failed();
    assertThat(breaker.allows()).as("the probe failed: open again").isFalse();

    now.set(now.get().plusSeconds(61));
    assertThat(breaker.allows()).isTrue();
    breaker.succeeded();
    assertThat(breaker.allows()).isTrue();
    assertThat(breaker.open()).isFalse();
  }

  @Test
  void anOpenCircuitRefusesWithoutCallingTheProviderAndARefusedRequestDoesNotOpenIt() {
    HttpJson http = new HttpJson(new HttpJson.Policy(Duration.ofSeconds(5), 1, Duration.ZERO, Duration.ZERO));
    OpenAiChat guarded = new OpenAiChat(openAi.baseUrl(), "sk-test", "gpt-4.1-mini",
        http.guardedBy(new ProviderGuard("openai", breaker, new Semaphore(2), Duration.ofSeconds(1))));
    openAi.answering(r -> "{}");

    openAi.then(FakeOpenAi.error(400, "bad request", Map.of())).then(FakeOpenAi.error(401, "bad key", Map.of()));
    assertThatThrownBy(() -> guarded.complete(request())).isInstanceOf(ProviderException.class);
    assertThatThrownBy(() -> guarded.complete(request())).isInstanceOf(ProviderException.class);
    assertThat(breaker.open()).as("the provider answered both").isFalse();

    openAi.then(FakeOpenAi.error(500, "boom", Map.of())).then(FakeOpenAi.error(503, "overloaded", Map.of()));
    assertThatThrownBy(() -> guarded.complete(request())).isInstanceOf(ProviderException.class);
    assertThatThrownBy(() -> guarded.complete(request())).isInstanceOf(ProviderException.class);
    int calls = openAi.received.size();
    assertThatThrownBy(() -> guarded.complete(request())).isInstanceOf(ProviderException.class).hasMessageContaining("circuit is open");
    assertThat(openAi.received).as("not called while open").hasSize(calls);

    now.set(now.get().plusSeconds(61));
    assertThat(guarded.complete(request()).text()).isEqualTo("{}");
    assertThat(breaker.open()).isFalse();
  }

  @Test
  void callsPastTheConcurrencyLimitWaitThenGiveUp() throws Exception {
    Semaphore permits = new Semaphore(1);
    permits.acquire();
    OpenAiChat guarded = new OpenAiChat(openAi.baseUrl(), "sk-test", "gpt-4.1-mini",
        new HttpJson(HttpJson.Policy.DEFAULT).guardedBy(new ProviderGuard("openai", breaker, permits, Duration.ofMillis(50))));

    assertThatThrownBy(() -> guarded.complete(request())).isInstanceOf(ProviderException.class).hasMessageContaining("concurrent calls");
    assertThat(openAi.received).isEmpty();
    assertThat(breaker.open()).as("waiting is no failure of the provider").isFalse();
  }

  private static ChatRequest request() {
    return ChatRequest.of("Say nothing.", Map.of(), "nothing", Map.of("type", "object"), 0, 16);
  }

  private static FakeOpenAi newServer() {
    try {
      return new FakeOpenAi();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
