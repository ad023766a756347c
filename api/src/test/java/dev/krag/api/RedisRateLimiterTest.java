package dev.krag.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krag.stages.RedisServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The buckets in a real Redis (Debian's redis-server, which .ci/run installs), shared by two instances' limiters. */
class RedisRateLimiterTest {

  @TempDir Path data;
  private RedisServer redis;
  private String url;

  @BeforeEach
  void startRedis() throws Exception {
    redis = RedisServer.start(data);
    url = redis.url();
  }

  @AfterEach
  void stopRedis() throws InterruptedException {
    redis.close();
  }

  @Test
  void twoInstancesTakeFromOneBucketPerPrincipal() {
    RateLimit limit = new RateLimit(6, 3);
    try (RedisRateLimiter one = new RedisRateLimiter(url, limit);
         RedisRateLimiter other = new RedisRateLimiter(url, limit)) {
      List<Optional<Duration>> taken = List.of(one.take("alice"), other.take("alice"), one.take("alice"), other.take("alice"));

      assertThat(taken.subList(0, 3)).as("the burst, across both").allSatisfy(t -> assertThat(t).isEmpty());
      assertThat(taken.get(3)).as("then a token every 10 s").hasValueSatisfying(
          wait -> assertThat(wait).isBetween(Duration.ofSeconds(9), Duration.ofSeconds(10)));
      assertThat(one.take("bob")).as("bob's bucket is his own").isEmpty();
    }
  }

  @Test
  void withRedisGoneEachInstanceLimitsOnItsOwn() throws Exception {
    try (RedisRateLimiter limiter = new RedisRateLimiter(url, new RateLimit(6, 2))) {
      assertThat(limiter.take("alice")).isEmpty();
      stopRedis();

      assertThat(limiter.take("alice")).as("a fresh local bucket").isEmpty();
      assertThat(limiter.take("alice")).isEmpty();
      assertThat(limiter.take("alice")).as("still a limit").isPresent();
    }
  }
}
