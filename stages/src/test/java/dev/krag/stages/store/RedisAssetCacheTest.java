package dev.krag.stages.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krag.stages.RedisServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The asset cache in a real Redis, shared by two processes' caches. */
class RedisAssetCacheTest {

  @TempDir Path data;

  @Test
  void whatOneInstanceMadeAnotherFindsUntilItExpires() throws Exception {
    try (RedisServer redis = RedisServer.start(data);
         RedisAssetCache one = new RedisAssetCache(redis.url(), Duration.ofMillis(800));
         RedisAssetCache other = new RedisAssetCache(redis.url(), Duration.ofMillis(800))) {
      one.remember("hash-1", "run-a");

      assertThat(other.runHolding("hash-1")).as("the other instance's cache").contains("run-a");
      assertThat(other.runHolding("hash-2")).isEmpty();
      Thread.sleep(1200);
      assertThat(other.runHolding("hash-1")).as("past its time").isEmpty();
    }
  }

  @Test
  void withRedisGoneNothingIsFoundAndNothingFails() throws Exception {
    RedisServer redis = RedisServer.start(data);
    try (RedisAssetCache cache = new RedisAssetCache(redis.url(), AssetCache.DEFAULT_TTL)) {
      cache.remember("hash-1", "run-a");
      redis.close();

      assertThat(cache.runHolding("hash-1")).as("made again, not lost").isEmpty();
      cache.remember("hash-2", "run-b");
    }
  }
}
