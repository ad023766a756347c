package dev.krag.deploy;

import dev.krag.schemas.RegistrySerdeFactory;
import dev.krag.schemas.SchemaRegistration;
import dev.krag.schemas.SerdeFactory;
import dev.krag.topologies.bookkeeping.BookkeepingTopology;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers every schema before the streams start, with serdes whose registry client is known to
 * answer. The registry's client has no request timeout, so the registration has a time limit, and
 * a client that overran it is left behind for a new one. (The overruns seen on this machine came
 * when the schemas were registered with their nested records as references: the registration
 * then took a thousand requests.)
 */
final class SchemaSetup {

  private static final Logger log = LoggerFactory.getLogger(SchemaSetup.class);
  /** Several times what the registration of every schema takes here under load, a few seconds. */
  private static final Duration LIMIT = Duration.ofSeconds(25);
  private static final int ATTEMPTS = 3;

  private SchemaSetup() {}

  static SerdeFactory registered(URI registry) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      SerdeFactory serdes = new RegistrySerdeFactory(registry);
      ExecutorService registering = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("krag-schema-setup").factory());
      try {
        Future<?> done = registering.submit(() -> {
          SchemaRegistration.registerAll(serdes, SchemaRegistration.catalogue());
          SchemaRegistration.registerAll(serdes, BookkeepingTopology.changelogs());
        });
        done.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        return serdes;
      } catch (TimeoutException e) {
        if (attempt == ATTEMPTS) {
          throw new IllegalStateException("the schema registry at " + registry + " did not answer the registration in "
              + ATTEMPTS + " tries of " + LIMIT.toSeconds() + " s", e);
        }
        log.warn("schema registration at {} took over {} s; trying again with a new client ({} of {})", registry, LIMIT.toSeconds(),
            attempt + 1, ATTEMPTS);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
      } finally {
        registering.shutdownNow();
      }
    }
  }
}
