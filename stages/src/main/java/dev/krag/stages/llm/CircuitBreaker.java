package dev.krag.stages.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops calling a provider that keeps failing: after {@code threshold} failures in a row the
 * circuit opens and calls are refused at once for {@code cooldown}, so a fallback chain moves on
 * without waiting out timeouts and retries; then one call is let through, and its outcome closes
 * the circuit or opens it again. Refusals of the request itself (a 400, a 401) do not count: the
 * provider answered.
 */
public final class CircuitBreaker {

  private final int threshold;
  private final Duration cooldown;
  private final Clock clock;
  private int failures;
  private Instant openUntil = Instant.MIN;
  private boolean probing;

  public CircuitBreaker(int threshold, Duration cooldown, Clock clock) {
    if (threshold < 1) {
      throw new IllegalArgumentException("a circuit opens after at least one failure");
    }
    this.threshold = threshold;
    this.cooldown = cooldown;
    this.clock = clock;
  }

  /** Whether a call may go now; while open, none may, and once the cooldown is over, one at a time. */
  public synchronized boolean allows() {
    if (failures < threshold) {
      return true;
    }
    if (clock.instant().isBefore(openUntil) || probing) {
      return false;
    }
    probing = true;
    return true;
  }

  public synchronized void succeeded() {
    failures = 0;
    probing = false;
  }

  /** A failure of the provider (unreachable, rate limited, failing); opens the circuit at the threshold. */
  public synchronized void failed() {
    probing = false;
    failures++;
    if (failures >= threshold) {
      openUntil = clock.instant().plus(cooldown);
    }
  }

  public synchronized boolean open() {
    return failures >= threshold && clock.instant().isBefore(openUntil);
  }
}
