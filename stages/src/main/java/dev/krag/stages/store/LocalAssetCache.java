package dev.krag.stages.store;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** The asset cache of one process: enough for the embedded platform, where every stage runs in it. */
public final class LocalAssetCache implements AssetCache {

  private final ExpiringValues<String> runs;

  public LocalAssetCache(Duration ttl, Clock clock) {
    this.runs = new ExpiringValues<>(ttl, clock);
  }

  @Override
  public Optional<String> runHolding(String inputsHash) {
    return runs.get(inputsHash);
  }

  @Override
  public void remember(String inputsHash, String runId) {
    runs.put(inputsHash, runId);
  }
}
