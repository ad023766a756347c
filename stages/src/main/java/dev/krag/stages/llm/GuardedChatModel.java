package dev.krag.stages.llm;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A provider's model behind its circuit breaker and its concurrency limit, both shared by every
 * model of that provider in the process: at most {@code permits} calls at once (a call waits up
 * to the provider's timeout for a turn), and none while the circuit is open.
 */
public final class GuardedChatModel implements ChatModel {

  private final ChatModel model;
  private final CircuitBreaker breaker;
  private final Semaphore permits;
  private final Duration wait;

  public GuardedChatModel(ChatModel model, CircuitBreaker breaker, Semaphore permits, Duration wait) {
    this.model = model;
    this.breaker = breaker;
    this.permits = permits;
    this.wait = wait;
  }

  @Override
  public String provider() {
    return model.provider();
  }

  @Override
  public String model() {
    return model.model();
  }

  @Override
  public Completion complete(ChatRequest request) {
    boolean admitted;
    try {
      admitted = permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException(0, "interrupted while waiting for a turn at " + provider(), e);
    }
    if (!admitted) {
      throw new ProviderException(0, provider() + " is at its limit of concurrent calls");
    }
    if (!breaker.allows()) {
      permits.release();
      throw new ProviderException(0, provider() + "'s circuit is open after repeated failures; not calling it for now");
    }
    try {
      Completion completion = model.complete(request);
      breaker.succeeded();
      return completion;
    } catch (UnusableAnswer e) {
      breaker.succeeded(); // the provider answered; the answer was the trouble
      throw e;
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
