package dev.krag.stages.knowledge;

import dev.krag.stages.store.ExpiringValues;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** The embedding cache of one process: enough for the embedded platform, where every stage runs in it. */
public final class LocalVectorCache implements VectorCache {

  private final ExpiringValues<float[]> vectors;

  public LocalVectorCache(Duration ttl, Clock clock) {
    this.vectors = new ExpiringValues<>(ttl, clock);
  }

  // Copies in and out: a caller that changes its vector changes no one else's.
  @Override
  public Optional<float[]> get(String key) {
    return vectors.get(key).map(float[]::clone);
  }

  @Override
  public void put(String key, float[] vector) {
    vectors.put(key, vector.clone());
  }
}
