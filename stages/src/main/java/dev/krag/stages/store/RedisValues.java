package dev.krag.stages.store;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * Values kept in Redis for a while, under a prefix of keys, shared by every instance: the Redis
 * form of krag's caches. While Redis does not answer, nothing is found and nothing kept (a warning
 * is logged): a cache passed by costs a second making, never a failure.
 */
public final class RedisValues implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RedisValues.class);
  /** Answers within this or the cache is passed by. */
  private static final int TIMEOUT_MILLIS = 1000;

  private final JedisPooled redis;
  private final String prefix;
  private final Duration ttl;

  public RedisValues(String redisUrl, String prefix, Duration ttl) {
    this.redis = new JedisPooled(URI.create(redisUrl), TIMEOUT_MILLIS);
    this.prefix = prefix;
    this.ttl = ttl;
  }

  public Optional<byte[]> get(String key) {
    try {
      return Optional.ofNullable(redis.get(redisKey(key)));
    } catch (JedisException e) {
      log.warn("the cache {}* in Redis did not answer; {} is not found there", prefix, key, e);
      return Optional.empty();
    }
  }

  public void put(String key, byte[] value) {
    try {
      redis.set(redisKey(key), value, SetParams.setParams().px(ttl.toMillis()));
    } catch (JedisException e) {
      log.warn("the cache {}* in Redis did not answer; {} is not kept there", prefix, key, e);
    }
  }

  private byte[] redisKey(String key) {
    return (prefix + key).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    redis.close();
  }
}
