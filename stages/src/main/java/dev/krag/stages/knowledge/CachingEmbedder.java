package dev.krag.stages.knowledge;

import dev.krag.stages.generate.InputsHash;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps embeddings by a hash of model and text for a while (the platform spec's embedding cache,
 * one hour by default), so a refinement or a replay pays only for text it has not seen.
 */
public final class CachingEmbedder implements Embedder {

  public static final Duration DEFAULT_TTL = Duration.ofHours(1);

  private record Entry(float[] vector, long expiresAtMillis) {}

  private final Embedder model;
  private final Duration ttl;
  private final Clock clock;
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();

  public CachingEmbedder(Embedder model, Duration ttl, Clock clock) {
    this.model = model;
    this.ttl = ttl;
    this.clock = clock;
  }

  @Override
  public String name() {
    return model.name();
  }

  @Override
  public int dimensions() {
    return model.dimensions();
  }

  @Override
  public float[] embed(String text) {
    String key = InputsHash.of(model.name(), text);
    long now = clock.millis();
    Entry entry = cache.get(key);
    if (entry == null || entry.expiresAtMillis() <= now) {
      entry = new Entry(model.embed(text), now + ttl.toMillis());
      cache.put(key, entry);
      cache.values().removeIf(e -> e.expiresAtMillis() <= now);
    }
    return entry.vector().clone();
  }
}
