package dev.krag.stages.knowledge;

import java.time.Duration;
import java.util.Optional;

/** Embeddings kept for a while by a hash of model and text (the platform spec's {@code cache:embedding:{hash}}). */
public interface VectorCache {

  Duration DEFAULT_TTL = Duration.ofHours(1);

  /** The vector kept under this key, if it was kept within the TTL. */
  Optional<float[]> get(String key);

  void put(String key, float[] vector);
}
