package dev.krag.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LocalRateLimiterTest {

  private final AtomicLong now = new AtomicLong(1_000_000);
  private final LocalRateLimiter limiter = new LocalRateLimiter(new RateLimit(60, 2), now::get);

  @Test
  void aBurstGoesThenOneRequestAsEachTokenComesBack() {
    assertThat(limiter.take("alice")).isEmpty();
    assertThat(limiter.take("alice")).isEmpty();
    assertThat(limiter.take("alice")).as("the bucket is empty").hasValue(Duration.ofSeconds(1));

    now.addAndGet(500);
    assertThat(limiter.take("alice")).as("half a token back").hasValue(Duration.ofMillis(500));
    now.addAndGet(500);
    assertThat(limiter.take("alice")).as("a whole one").isEmpty();
    assertThat(limiter.take("bob")).as("another principal's bucket is full").isEmpty();
  }

  @Test
  void aLongPauseRefillsNoMoreThanTheBurst() {
    limiter.take("alice");
    limiter.take("alice");
    now.addAndGet(Duration.ofHours(1).toMillis());

    assertThat(limiter.take("alice")).isEmpty();
    assertThat(limiter.take("alice")).isEmpty();
    assertThat(limiter.take("alice")).isPresent();
  }
}
