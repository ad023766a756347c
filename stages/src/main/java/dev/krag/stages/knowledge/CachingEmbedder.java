package dev.krag.stages.knowledge;

import dev.krag.stages.generate.InputsHash;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps embeddings by a hash of model and text for a while (the platform spec's embedding cache,
 * one hour by default), so a refinement or a replay pays only for text it has not seen: a
 * vector from the cache comes with no tokens to pay.
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
  public Embedding embed(String text) {
    String key = InputsHash.of(model.name(), text);
    long now = clock.millis();
    Entry entry = cache.get(key);
    if (entry != null && entry.expiresAtMillis() > now) {
      return new Embedding(entry.vector().clone(), 0);
    }
    Embedding made = model.embed(text);
    cache.put(key, new Entry(made.vector().clone(), now + ttl.toMillis()));
    cache.values().removeIf(e -> e.expiresAtMillis() <= now);
    return made;
  }
}
