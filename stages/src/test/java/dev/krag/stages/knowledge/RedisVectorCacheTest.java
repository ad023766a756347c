package dev.krag.stages.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krag.stages.RedisServer;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedding cache in a real Redis, shared by two processes' embedders. */
class RedisVectorCacheTest {

  @TempDir Path data;

  private final AtomicInteger calls = new AtomicInteger();
  private final Embedder counting = new Embedder() {
    @Override public String name() { return "counting"; }
    @Override public int dimensions() { return 3; }
    @Override public Embedding embed(String text) {
      calls.incrementAndGet();
      return new Embedding(new float[] {text.length(), -0.5f, Float.MIN_VALUE}, 7);
    }
  };

  @Test
  void aVectorOneInstancePaidForIsTheOthersForNothing() throws Exception {
    try (RedisServer redis = RedisServer.start(data);
         RedisVectorCache one = new RedisVectorCache(redis.url(), VectorCache.DEFAULT_TTL);
         RedisVectorCache other = new RedisVectorCache(redis.url(), VectorCache.DEFAULT_TTL)) {
      Embedder.Embedding paid = new CachingEmbedder(counting, one).embed("the wolf");
      Embedder.Embedding kept = new CachingEmbedder(counting, other).embed("the wolf");

      assertThat(kept.vector()).as("the same floats, to the bit").containsExactly(paid.vector());
      assertThat(kept.tokens()).isZero();
      assertThat(calls).hasValue(1);
    }
  }

  @Test
  void withRedisGoneTheTextIsEmbeddedAgainAndNothingFails() throws Exception {
    RedisServer redis = RedisServer.start(data);
    try (RedisVectorCache cache = new RedisVectorCache(redis.url(), VectorCache.DEFAULT_TTL)) {
      CachingEmbedder embedder = new CachingEmbedder(counting, cache);
      embedder.embed("the wolf");
      redis.close();

      assertThat(embedder.embed("the wolf").tokens()).as("paid again, not lost").isEqualTo(7);
      assertThat(calls).hasValue(2);
    }
  }
}
