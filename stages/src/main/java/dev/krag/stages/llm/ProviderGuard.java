package dev.krag.stages.llm;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A provider's circuit breaker and its limit of calls at once, shared by every model of that
 * provider in the process: at most {@code permits} calls at once (a call waits up to the
 * provider's timeout for a turn), and none while the circuit is open. Only the provider's own
 * trouble opens the circuit: an unreachable server, a rate limit, a 5xx once the retries are spent;
 * a refused request (400, 401) does not. It guards a provider's {@link HttpJson}, so every model of
 * the provider (language, pictures, voices) shares it.
 */
public final class ProviderGuard {

  private final String provider;
  private final CircuitBreaker breaker;
  private final Semaphore permits;
  private final Duration wait;

  public ProviderGuard(String provider, CircuitBreaker breaker, Semaphore permits, Duration wait) {
    this.provider = provider;
    this.breaker = breaker;
    this.permits = permits;
    this.wait = wait;
  }

  public <T> T call(Supplier<T> call) {
    boolean admitted;
    try {
      admitted = permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException(0, "interrupted while waiting for a turn at " + provider, e);
    }
    if (!admitted) {
      throw new ProviderException(0, provider + " is at its limit of concurrent calls");
    }
    if (!breaker.allows()) {
      permits.release();
      throw new ProviderException(0, provider + "'s circuit is open after repeated failures; not calling it for now");
    }
    try {
      T result = call.get();
      breaker.succeeded();
      return result;
    } catch (ProviderException e) {
      if (e.retriable()) {
        breaker.failed();
      } else {
        breaker.succeeded();
      }
      throw e;
    } catch (RuntimeException e) {
      breaker.failed();
      throw e;
    } finally {
      permits.release();
    }
  }
}
