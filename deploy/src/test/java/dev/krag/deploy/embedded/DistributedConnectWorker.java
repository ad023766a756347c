package dev.krag.deploy.embedded;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.distributed.DistributedHerder;

/**
 * A distributed Kafka Connect worker, as an operator runs one beside krag: its connector
 * configurations, offsets and states in Kafka topics, so they outlive the worker.
 */
public final class DistributedConnectWorker implements AutoCloseable {

  private final Connect<DistributedHerder> connect;

  private DistributedConnectWorker(Connect<DistributedHerder> connect) {
    this.connect = connect;
  }

  public static DistributedConnectWorker start(String bootstrapServers, Path pluginPath, String group) {
    EmbeddedKafka.neutraliseExit();
    Map<String, String> worker = Map.ofEntries(
        Map.entry("bootstrap.servers", bootstrapServers),
        Map.entry("group.id", group),
        Map.entry("config.storage.topic", group + "-configs"),
        Map.entry("offset.storage.topic", group + "-offsets"),
        Map.entry("status.storage.topic", group + "-status"),
        Map.entry("config.storage.replication.factor", "1"),
        Map.entry("offset.storage.replication.factor", "1"),
        Map.entry("status.storage.replication.factor", "1"),
        Map.entry("key.converter", "org.apache.kafka.connect.storage.StringConverter"),
        Map.entry("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter"),
        Map.entry("plugin.path", pluginPath.toString()),
        Map.entry("plugin.discovery", "service_load"),
        Map.entry("listeners", "http://127.0.0.1:0"),
        Map.entry("offset.flush.interval.ms", "1000"));
    ClassLoader caller = Thread.currentThread().getContextClassLoader();
    try {
      Connect<DistributedHerder> connect = new ConnectDistributed().startConnect(worker);
      return new DistributedConnectWorker(connect);
    } finally {
      Thread.currentThread().setContextClassLoader(caller);
    }
  }

  public URI rest() {
    return connect.rest().advertisedUrl();
  }

  @Override
  public void close() {
    connect.stop();
    connect.awaitStop();
  }
}
