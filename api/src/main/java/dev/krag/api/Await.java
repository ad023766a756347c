package dev.krag.api;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for the stores to show what the API has just sent to a topic, so that a client acting on
 * the answer at once (reading the story, opening the run, using the key) finds it.
 */
final class Await {

  /** Long enough for the bookkeeping to commit a record under load; past it the answer goes anyway. */
  static final Duration VISIBLE = Duration.ofSeconds(10);
  private static final long POLL_MILLIS = 20;

  private Await() {}

  static void visible(BooleanSupplier seen) {
    long deadline = System.nanoTime() + VISIBLE.toNanos();
    while (!seen.getAsBoolean() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
