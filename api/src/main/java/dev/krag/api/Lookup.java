package dev.krag.api;

/** What a state-store read found: the value, nothing, or no answer yet (the store is rebalancing). */
public sealed interface Lookup<T> {

  record Found<T>(T value) implements Lookup<T> {}

  record Missing<T>() implements Lookup<T> {}

  /** The store cannot answer now; ask again after the given seconds. */
  record Unavailable<T>(int retryAfterSeconds, String reason) implements Lookup<T> {}
}
