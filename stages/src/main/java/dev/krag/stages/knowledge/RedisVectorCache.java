package dev.krag.stages.knowledge;

import dev.krag.stages.store.RedisValues;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Optional;

/**
 * The embedding cache in Redis, the platform spec's {@code cache:embedding:{hash}}, shared by
 * every instance; a vector is kept as its floats, little-endian.
 */
public final class RedisVectorCache implements VectorCache, AutoCloseable {

  private final RedisValues vectors;

  public RedisVectorCache(String redisUrl, Duration ttl) {
    this.vectors = new RedisValues(redisUrl, "cache:embedding:", ttl);
  }

  @Override
  public Optional<float[]> get(String key) {
    return vectors.get(key).map(kept -> {
      float[] vector = new float[kept.length / Float.BYTES];
      ByteBuffer.wrap(kept).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
      return vector;
    });
  }

  @Override
  public void put(String key, float[] vector) {
    ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(vector);
    vectors.put(key, bytes.array());
  }

  @Override
  public void close() {
    vectors.close();
  }
}
