package dev.krag.deploy;

import dev.krag.api.ApiKeyToken;
import dev.krag.api.Backend;
import dev.krag.api.KafkaCommands;
import dev.krag.api.KafkaRunNews;
import dev.krag.api.LocalRateLimiter;
import dev.krag.api.RateLimiter;
import dev.krag.api.RedisRateLimiter;
import dev.krag.api.Security;
import dev.krag.api.StreamsRunQueries;
import java.io.IOException;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/**
 * What the API stands on, over a running platform: its stores, topics, news, bucket and security
 * as configured, with the admin key made at first start. Closed together.
 */
public final class ApiBackend implements AutoCloseable {

  private final KafkaCommands commands;
  private final KafkaRunNews news;
  private final RateLimiter limiter;
  private final ApiKeyToken adminKey;
  private final Backend backend;

  private ApiBackend(KragConfig config, Platform platform, Optional<HostInfo> self) throws IOException, InterruptedException {
    this.commands = new KafkaCommands(platform.bootstrapServers(), platform.serdes());
    this.news = new KafkaRunNews(platform.bootstrapServers(), platform.serdes());
    KragConfig.SecuritySettings security = config.security();
    this.limiter = security.redisUrl().isEmpty() ? new LocalRateLimiter(security.rateLimit())
        : new RedisRateLimiter(security.redisUrl(), security.rateLimit());
    StreamsRunQueries here = new StreamsRunQueries(platform.bookkeeping().streams());
    this.adminKey = AdminKey.ensure(config.adminKeyFile(), commands, here);
    StreamsRunQueries queries = self.map(host -> new StreamsRunQueries(platform.bookkeeping().streams(), host, adminKey)).orElse(here);
    this.backend = new Backend(queries, commands, news, platform.assets(), config.run(), config.maxStoryBytes(),
        new Security(security.jwt(), limiter, security.quotas()));
  }

  /** For one of several instances, {@code self} being this one's advertised API; empty for an instance alone. */
  public static ApiBackend open(KragConfig config, Platform platform, Optional<HostInfo> self) throws IOException, InterruptedException {
    return new ApiBackend(config, platform, self);
  }

  public Backend backend() {
    return backend;
  }

  public ApiKeyToken adminKey() {
    return adminKey;
  }

  @Override
  public void close() {
    limiter.close();
    news.close();
    commands.close();
  }
}
