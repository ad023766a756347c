package dev.krag.stages.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LocalAssetCacheTest {

  /** A clock the test moves. */
  private static final class Hands extends Clock {
    Instant now = Instant.parse("2026-12-02T12:00:00Z");

    @Override public ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  }

  @Test
  void aRememberedRunIsFoundUntilItsDayIsUp() {
    Hands clock = new Hands();
    LocalAssetCache cache = new LocalAssetCache(AssetCache.DEFAULT_TTL, clock);
    cache.remember("hash-1", "run-a");

    clock.now = clock.now.plus(Duration.ofHours(23));
    assertThat(cache.runHolding("hash-1")).contains("run-a");
    assertThat(cache.runHolding("hash-2")).isEmpty();

    clock.now = clock.now.plus(Duration.ofHours(1));
    assertThat(cache.runHolding("hash-1")).as("24 hours on").isEmpty();
  }
}
