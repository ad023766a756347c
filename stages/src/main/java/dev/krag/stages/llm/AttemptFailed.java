package dev.krag.stages.llm;

import dev.krag.stages.cost.ProviderCall;
import java.util.List;

/**
 * One link of a fallback chain gave no usable answer: the provider failed, or it answered
 * something that does not fit. The calls it paid for before failing still count.
 */
public final class AttemptFailed extends RuntimeException {

  private final List<ProviderCall> spent;

  public AttemptFailed(String message, List<ProviderCall> spent, Throwable cause) {
    super(message, cause);
    this.spent = List.copyOf(spent);
  }

  public List<ProviderCall> spent() {
    return spent;
  }
}
