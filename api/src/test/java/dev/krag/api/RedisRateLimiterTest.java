package dev.krag.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The buckets in a real Redis (Debian's redis-server, which .ci/run installs), shared by two instances' limiters. */
class RedisRateLimiterTest {

  @TempDir Path data;
  private Process redis;
  private int port;

  @BeforeEach
  void startRedis() throws Exception {
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    redis = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "",
        "--appendonly", "no", "--dir", data.toString()).redirectErrorStream(true).redirectOutput(data.resolve("redis.log").toFile())
        .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!answers(port)) {
      assertThat(redis.isAlive()).as("redis-server started (.ci/run installs it)").isTrue();
      assertThat(System.nanoTime()).as("redis-server listening within 10 s").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  @AfterEach
  void stopRedis() throws InterruptedException {
    redis.destroy();
    redis.waitFor(10, TimeUnit.SECONDS);
  }

  @Test
  void twoInstancesTakeFromOneBucketPerPrincipal() {
    RateLimit limit = new RateLimit(6, 3);
    try (RedisRateLimiter one = new RedisRateLimiter("redis://127.0.0.1:" + port, limit);
         RedisRateLimiter other = new RedisRateLimiter("redis://127.0.0.1:" + port, limit)) {
      List<Optional<Duration>> taken = List.of(one.take("alice"), other.take("alice"), one.take("alice"), other.take("alice"));

      assertThat(taken.subList(0, 3)).as("the burst, across both").allSatisfy(t -> assertThat(t).isEmpty());
      assertThat(taken.get(3)).as("then a token every 10 s").hasValueSatisfying(
          wait -> assertThat(wait).isBetween(Duration.ofSeconds(9), Duration.ofSeconds(10)));
      assertThat(one.take("bob")).as("bob's bucket is his own").isEmpty();
    }
  }

  @Test
  void withRedisGoneEachInstanceLimitsOnItsOwn() throws Exception {
    try (RedisRateLimiter limiter = new RedisRateLimiter("redis://127.0.0.1:" + port, new RateLimit(6, 2))) {
      assertThat(limiter.take("alice")).isEmpty();
      stopRedis();

      assertThat(limiter.take("alice")).as("a fresh local bucket").isEmpty();
      assertThat(limiter.take("alice")).isEmpty();
      assertThat(limiter.take("alice")).as("still a limit").isPresent();
    }
  }

  private static boolean answers(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      return socket.getInputStream().read() == '+';
    } catch (IOException e) {
      return false;
    }
  }
}
