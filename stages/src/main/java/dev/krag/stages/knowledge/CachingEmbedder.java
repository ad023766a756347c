package dev.krag.stages.knowledge;

import dev.krag.stages.generate.InputsHash;
import java.util.Optional;

/**
 * Keeps embeddings by a hash of model and text for a while (the platform spec's embedding cache,
 * one hour by default), so a refinement or a replay pays only for text it has not seen: a
 * vector from the cache comes with no tokens to pay.
 */
public final class CachingEmbedder implements Embedder {

  private final Embedder model;
  private final VectorCache cache;

  public CachingEmbedder(Embedder model, VectorCache cache) {
    this.model = model;
    this.cache = cache;
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
    Optional<float[]> kept = cache.get(key);
    if (kept.isPresent()) {
      return new Embedding(kept.get(), 0);
    }
    Embedding made = model.embed(text);
    cache.put(key, made.vector());
    return made;
  }
}
