package dev.krag.deploy.cli;

import dev.krag.api.ApiServer;
import dev.krag.api.ManagementServer;
import dev.krag.deploy.AnalyticsSinks;
import dev.krag.deploy.ApiBackend;
import dev.krag.deploy.KragConfig;
import dev.krag.deploy.Platform;
import dev.krag.deploy.embedded.Ports;
import dev.krag.schemas.Bucket;
import io.helidon.webserver.WebServer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.state.HostInfo;

/**
 * {@code krag serve}: the platform and its API, up until the process is stopped. It prints where
 * each part answers, so a person can post stories, open the tables with {@code psql} and the
 * bucket with any S3 client while runs go on.
 */
final class ServeCommand {

  /** How long a stop waits for the platform to close before the JVM goes anyway. */
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);

  private ServeCommand() {}

  /** Until the JVM is asked to stop (Ctrl-C, SIGTERM). */
  static int run(KragConfig config, PrintStream err) throws Exception {
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stop.countDown();
      try {
        closed.await(CLOSE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "krag-serve-stop"));
    try {
      return run(config, err, stop);
    } finally {
      closed.countDown();
    }
  }

  /** Until {@code stop} is counted down. */
  static int run(KragConfig config, PrintStream err, CountDownLatch stop) throws Exception {
    Path runtime = config.outDir().resolve("runtime").resolve("serve");
    long started = System.nanoTime();
    // The port is fixed before the Streams application starts: it tells the other instances where to ask.
    int port = config.apiPort() == 0 ? Ports.free() : config.apiPort();
    HostInfo self = new HostInfo(config.apiAdvertisedHost(), port);
    boolean api = config.role().servesApi();
    try (Platform platform = Platform.start(config, runtime, api ? self.host() + ":" + self.port() : "");
         ApiBackend backend = api ? ApiBackend.open(config, platform, Optional.of(self)) : null) {
      List<WebServer> servers = new ArrayList<>();
      try {
        if (api) {
          servers.add(ApiServer.start(config.apiHost(), port, backend.backend()));
        }
        config.managementPort()
            .ifPresent(management -> servers.add(ManagementServer.start(config.apiHost(), management, platform::notReady)));
        err.printf("krag serve: up in %.1f s as %s; Ctrl-C stops it%n", (System.nanoTime() - started) / 1e9, config.role());
        if (api) {
          String apiBase = "http://" + self.host() + ":" + servers.getFirst().port();
          err.printf("  %-10s %s/api/v1/runs/{id}   (health: %s/health, the API's document: %s/openapi)%n", "api", apiBase, apiBase,
              apiBase);
          err.printf("  %-10s %s   (the admin's API key: send it as the X-API-Key header or as a Bearer token)%n", "admin key",
              config.adminKeyFile().toAbsolutePath());
        }
        if (config.managementPort().isPresent()) {
          err.printf("  %-10s http://%s:%d/metrics   (and /health/live, /health/ready; no credentials)%n", "management", self.host(),
              servers.getLast().port());
        }
        err.printf("  %-10s %s%n", "kafka", platform.bootstrapServers());
        err.printf("  %-10s %s%n", "registry", platform.registry());
        platform.knowledge().ifPresent(knowledge -> err.printf("  %-10s %s%n", "neo4j", knowledge.uri()));
        Bucket bucket = platform.storage().bucket();
        err.printf("  %-10s %s  bucket %s  region %s  access key %s%s%n", "s3", bucket.endpoint(), bucket.name(), bucket.region(),
            bucket.accessKey(), config.storage().endpoint().isEmpty() ? "  secret " + bucket.secretKey() : "");
        for (AnalyticsSinks sinks : platform.analytics().stream().toList()) {
          err.printf("  %-10s %s   (psql \"%s\")%n", "postgres", sinks.databaseUrl(), sinks.databaseUrl().replaceFirst("^jdbc:", ""));
          err.printf("  %-10s %s%n", "connect", sinks.connectUrl());
        }
        stop.await();
        err.println("krag serve: stopping");
      } finally {
        servers.forEach(WebServer::stop);
      }
    }
    return 0;
  }
}
