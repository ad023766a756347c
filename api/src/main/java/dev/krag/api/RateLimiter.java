package dev.krag.api;

import java.time.Duration;
import java.util.Optional;

/** Whether a principal may make one more request now. */
public interface RateLimiter extends AutoCloseable {

  /** Takes a token from the principal's bucket: empty when the request may go, else how long until it may. */
  Optional<Duration> take(String principal);

  /** Lets go of what the buckets are kept in, if anything. */
  @Override
  default void close() {}
}
