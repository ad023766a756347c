package dev.krag.api;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** A token bucket per principal in this instance's memory: the limit when no Redis is shared. */
public final class LocalRateLimiter implements RateLimiter {

  private final RateLimit limit;
  private final LongSupplier millis;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public LocalRateLimiter(RateLimit limit) {
    this(limit, System::currentTimeMillis);
  }

  LocalRateLimiter(RateLimit limit, LongSupplier millis) {
    this.limit = limit;
    this.millis = millis;
  }

  @Override
  public Optional<Duration> take(String principal) {
    return buckets.computeIfAbsent(principal, p -> new Bucket(limit.burst(), millis.getAsLong())).take(millis.getAsLong());
  }

  private final class Bucket {
    private double tokens;
    private long refilledAt;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.refilledAt = at;
    }

    synchronized Optional<Duration> take(long now) {
      tokens = Math.min(limit.burst(), tokens + Math.max(0, now - refilledAt) * limit.perMillisecond());
      refilledAt = now;
      if (tokens >= 1) {
        tokens -= 1;
        return Optional.empty();
      }
      return Optional.of(limit.untilNext(tokens));
    }
  }
}
