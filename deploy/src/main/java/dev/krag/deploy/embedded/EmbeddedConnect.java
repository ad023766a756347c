package dev.krag.deploy.embedded;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standalone Kafka Connect worker in this JVM, with its REST API on a free loopback port. Its
 * connectors come from {@code pluginPath} (the unpacked Debezium JDBC sink) and from the class
 * path (krag's converter and transform), found through their service files rather than by
 * scanning every jar, which took 22 s. Standalone keeps connector configurations in memory: they
 * are applied again at every start.
 */
public final class EmbeddedConnect implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedConnect.class);
  /** How often sink offsets are committed: a second, so a run's rows are counted done soon after they are written. */
  private static final String OFFSET_FLUSH_MS = "1000";

  private final Connect<StandaloneHerder> connect;
  private final URI rest;

  private EmbeddedConnect(Connect<StandaloneHerder> connect, URI rest) {
    this.connect = connect;
    this.rest = rest;
  }

  public static EmbeddedConnect start(String bootstrapServers, Path pluginPath, Path dataDir) throws IOException {
    if (!Files.isDirectory(pluginPath)) {
      throw new IOException("no Kafka Connect plugins at " + pluginPath + " (the build unpacks the Debezium JDBC sink there)");
    }
    Files.createDirectories(dataDir);
    EmbeddedKafka.neutraliseExit();
    Map<String, String> worker = Map.of(
        "bootstrap.servers", bootstrapServers,
        "offset.storage.file.filename", dataDir.resolve("connect.offsets").toString(),
        "key.converter", "org.apache.kafka.connect.storage.StringConverter",
        "value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter",
        "plugin.path", pluginPath.toString(),
        "plugin.discovery", "service_load",
        "listeners", "http://127.0.0.1:0",
        "offset.flush.interval.ms", OFFSET_FLUSH_MS);
    ClassLoader caller = Thread.currentThread().getContextClassLoader();
    Connect<StandaloneHerder> connect;
    try {
      connect = new ConnectStandalone().startConnect(worker);
    } finally {
      // The worker leaves its plugin class loader on the thread that started it.
      Thread.currentThread().setContextClassLoader(caller);
    }
    connect.herder().ready();
    URI rest = connect.rest().advertisedUrl();
    log.info("Kafka Connect worker up at {} (plugins from {})", rest, pluginPath);
    return new EmbeddedConnect(connect, rest);
  }

  public URI rest() {
    return rest;
  }

  @Override
  public void close() {
    connect.stop();
    connect.awaitStop();
  }
}
