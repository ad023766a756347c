package dev.krag.api;

import java.time.Duration;

/**
 * How fast a principal may ask: a token bucket that holds {@code burst} requests and refills at
 * {@code perMinute}. A request takes a token; with none left it waits for the next.
 */
public record RateLimit(int perMinute, int burst) {

  public RateLimit {
    if (perMinute < 1 || burst < 1) {
      throw new IllegalArgumentException("a rate limit allows at least one request a minute and a burst of one");
    }
  }

  /** Tokens added per millisecond. */
  double perMillisecond() {
    return perMinute / 60_000.0;
  }

  /** How long until a bucket that holds {@code tokens} (fewer than one) has one again. */
  Duration untilNext(double tokens) {
    return Duration.ofMillis((long) Math.ceil((1 - tokens) / perMillisecond()));
  }
}
