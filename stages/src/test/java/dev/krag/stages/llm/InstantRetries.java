package dev.krag.stages.llm;

import java.time.Duration;
import java.util.List;

/** An {@link HttpJson} for tests in other packages: it notes the waits between tries instead of sleeping them. */
public final class InstantRetries {

  private InstantRetries() {}

  /**
   * Three tries, backoff 1 s doubling to 8 s with the jitter at its middle (so 750 ms, then 1.5 s),
   * each wait added to {@code waits}.
   *
   * @param timeout per call, and for a polling adapter its deadline
   */
  public static HttpJson recording(List<Duration> waits, Duration timeout) {
    return new HttpJson(new HttpJson.Policy(timeout, 3, Duration.ofSeconds(1), Duration.ofSeconds(8)), waits::add, () -> 0.5);
  }
}
