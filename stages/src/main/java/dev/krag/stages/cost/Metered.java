package dev.krag.stages.cost;

import java.util.List;

/** A stage's result with every provider call it took, the failed attempts' calls included. */
public record Metered<T>(T value, List<ProviderCall> calls) {

  public Metered {
    calls = List.copyOf(calls);
  }
}
