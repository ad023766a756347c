package dev.krag.deploy;

import java.util.Locale;

/**
 * What one {@code krag serve} process does ({@code KRAG_ROLE}). On one machine it does everything;
 * in a cluster the API and the stages scale apart: API instances are many small ones that answer
 * for the run state, workers are few large ones that draw, speak and encode.
 */
public enum InstanceRole {
  /** The API, the bookkeeping and the stages: the embedded default. */
  ALL,
  /** The REST and WebSocket API over the bookkeeping's state stores, and the analytics sinks' registration. */
  API,
  /** The pipeline's stages, with a management port for health and metrics only. */
  WORKER;

  public boolean servesApi() {
    return this != WORKER;
  }

  public boolean runsStages() {
    return this != API;
  }

  static InstanceRole parse(String text) {
    try {
      return valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("KRAG_ROLE must be all, api or worker, not '" + text + "'");
    }
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
