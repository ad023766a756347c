package dev.krag.stages.store;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Values kept in this process for a while after they were put, by key: the local form of krag's caches. */
public final class ExpiringValues<V> {

  private record Entry<V>(V value, long expiresAtMillis) {}

  private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
  private final Duration ttl;
  private final Clock clock;

  public ExpiringValues(Duration ttl, Clock clock) {
    this.ttl = ttl;
    this.clock = clock;
  }

  public Optional<V> get(String key) {
    Entry<V> entry = entries.get(key);
    return entry == null || entry.expiresAtMillis() <= clock.millis() ? Optional.empty() : Optional.of(entry.value());
  }

  /** Keeps the value for the TTL from now, and lets go of those whose time is up. */
  public void put(String key, V value) {
    long now = clock.millis();
    entries.put(key, new Entry<>(value, now + ttl.toMillis()));
    entries.values().removeIf(e -> e.expiresAtMillis() <= now);
  }
}
