package dev.krag.stages.store;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The asset cache in Redis, the platform spec's {@code cache:asset:{hash}}, shared by every
 * instance: a worker in another process copies what any run made instead of paying again.
 */
public final class RedisAssetCache implements AssetCache, AutoCloseable {

  private final RedisValues runs;

  public RedisAssetCache(String redisUrl, Duration ttl) {
    this.runs = new RedisValues(redisUrl, "cache:asset:", ttl);
  }

  @Override
  public Optional<String> runHolding(String inputsHash) {
    return runs.get(inputsHash).map(run -> new String(run, StandardCharsets.UTF_8));
  }

  @Override
  public void remember(String inputsHash, String runId) {
    runs.put(inputsHash, runId.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    runs.close();
  }
}
