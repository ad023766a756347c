package dev.krag.api;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * The token buckets in Redis, shared by every instance: the platform spec's {@code rate_limit:{user_id}}
 * hash, updated by one script so concurrent requests on several instances take tokens one at a
 * time, timed by Redis's clock so instances with skewed clocks agree. While Redis does not answer,
 * each instance limits on its own rather than refusing everyone.
 */
public final class RedisRateLimiter implements RateLimiter {

  private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);
  private static final String KEY_PREFIX = "rate_limit:";
  /** Answers within this or the request goes on without Redis. */
  private static final int TIMEOUT_MILLIS = 1000;
  /** KEYS[1] the bucket; ARGV rate per ms, burst. Returns 0 when a token was taken, else the milliseconds until one is there. */
  private static final String TAKE = """
      local t = redis.call('TIME')
      local now = t[1] * 1000 + math.floor(t[2] / 1000)
      local rate = tonumber(ARGV[1])
      local burst = tonumber(ARGV[2])
      local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
      local tokens = tonumber(state[1]) or burst
      local ts = tonumber(state[2]) or now
      tokens = math.min(burst, tokens + math.max(0, now - ts) * rate)
      local wait = 0
      if tokens >= 1 then tokens = tokens - 1 else wait = math.ceil((1 - tokens) / rate) end
      redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', now)
      redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate) + 1000)
      return wait
      """;

  private final RateLimit limit;
  private final JedisPooled redis;
  private final LocalRateLimiter fallback;
  private volatile String script;

  public RedisRateLimiter(String redisUrl, RateLimit limit) {
    this.limit = limit;
    this.redis = new JedisPooled(URI.create(redisUrl), TIMEOUT_MILLIS);
    this.fallback = new LocalRateLimiter(limit);
  }

  @Override
  public Optional<Duration> take(String principal) {
    List<String> keys = List.of(KEY_PREFIX + principal);
    List<String> args = List.of(Double.toString(limit.perMillisecond()), Integer.toString(limit.burst()));
    try {
      long wait = (Long) evaluate(keys, args);
      return wait == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(wait));
    } catch (JedisException e) {
      log.warn("Redis did not answer for the rate limit of {} ({}); this instance limits on its own meanwhile", principal, e.toString());
      return fallback.take(principal);
    }
  }

  /** By the script's digest once it is loaded; loaded again when Redis has lost it (a restart). */
  private Object evaluate(List<String> keys, List<String> args) {
    if (script == null) {
      script = redis.scriptLoad(TAKE);
    }
    try {
      return redis.evalsha(script, keys, args);
    } catch (JedisNoScriptException e) {
      script = redis.scriptLoad(TAKE);
      return redis.evalsha(script, keys, args);
    }
  }

  @Override
  public void close() {
    redis.close();
  }
}
