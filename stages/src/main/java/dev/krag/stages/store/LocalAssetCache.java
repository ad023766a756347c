package dev.krag.stages.store;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The asset cache of one process: enough for the embedded platform, where every stage runs in it. */
public final class LocalAssetCache implements AssetCache {

  private record Entry(String runId, long expiresAtMillis) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Duration ttl;
  private final Clock clock;

  public LocalAssetCache(Duration ttl, Clock clock) {
    this.ttl = ttl;
    this.clock = clock;
  }

  @Override
  public Optional<String> runHolding(String inputsHash) {
    Entry entry = entries.get(inputsHash);
    return entry == null || entry.expiresAtMillis() <= clock.millis() ? Optional.empty() : Optional.of(entry.runId());
  }

  @Override
  public void remember(String inputsHash, String runId) {
    long now = clock.millis();
    entries.put(inputsHash, new Entry(runId, now + ttl.toMillis()));
    entries.values().removeIf(e -> e.expiresAtMillis() <= now);
  }
}
