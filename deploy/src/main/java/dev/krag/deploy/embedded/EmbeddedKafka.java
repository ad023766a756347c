package dev.krag.deploy.embedded;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.internals.Exit;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker in this JVM: one KRaft node that is both controller and broker, on loopback,
 * with its log under a folder of its own. Replication factors are 1, as on any single broker.
 */
public final class EmbeddedKafka implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

  private final KafkaRaftServer server;
  private final Path logDir;
  private final int brokerPort;
  private final int controllerPort;

  private EmbeddedKafka(KafkaRaftServer server, Path logDir, int brokerPort, int controllerPort) {
    this.server = server;
    this.logDir = logDir;
    this.brokerPort = brokerPort;
    this.controllerPort = controllerPort;
  }

  public static EmbeddedKafka start(Path logDir) throws Exception {
    return start(logDir, Ports.free(), Ports.free());
  }

  private static EmbeddedKafka start(Path logDir, int brokerPort, int controllerPort) throws Exception {
    neutraliseExit();
    Files.createDirectories(logDir);
    String dir = logDir.toAbsolutePath().toString();
    KafkaConfig config = new KafkaConfig(Map.ofEntries(
        Map.entry("process.roles", "broker,controller"),
        Map.entry("node.id", "1"),
        Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
        Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort),
        Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort),
        Map.entry("controller.listener.names", "CONTROLLER"),
        Map.entry("inter.broker.listener.name", "PLAINTEXT"),
        Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
        Map.entry("log.dirs", dir),
        Map.entry("offsets.topic.replication.factor", "1"),
        Map.entry("offsets.topic.num.partitions", "3"),
        Map.entry("transaction.state.log.replication.factor", "1"),
        Map.entry("transaction.state.log.min.isr", "1"),
        Map.entry("transaction.state.log.num.partitions", "3"),
        Map.entry("share.coordinator.state.topic.replication.factor", "1"),
        Map.entry("share.coordinator.state.topic.min.isr", "1"),
        Map.entry("group.initial.rebalance.delay.ms", "0"),
        Map.entry("auto.create.topics.enable", "false"),
        Map.entry("num.partitions", "1")), false);
    if (!Files.exists(logDir.resolve("meta.properties"))) {
      new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .setNodeId(1)
          .setClusterId(Uuid.randomUuid().toString())
          .setDirectories(List.of(dir))
          .setMetadataLogDirectory(dir)
          .setControllerListenerName("CONTROLLER")
          .setReleaseVersion(MetadataVersion.latestProduction())
          .run();
    }
    KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
    server.startup();
    EmbeddedKafka kafka = new EmbeddedKafka(server, logDir, brokerPort, controllerPort);
    log.info("Kafka broker up at {} (log in {})", kafka.bootstrapServers(), dir);
    return kafka;
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + brokerPort;
  }

  /**
   * Stops this broker and starts it again on the same log and ports: to its clients, the same
   * broker back after an outage.
   */
  public EmbeddedKafka restarted(Duration down) throws Exception {
    close();
    Thread.sleep(down);
    return start(logDir, brokerPort, controllerPort);
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }

  /** Kafka ends the process on fatal errors; in a shared JVM that is the caller's decision, not Kafka's. */
  static void neutraliseExit() {
    Exit.setExitProcedure((code, message) -> {
      throw new IllegalStateException("Kafka asked to exit(" + code + "): " + message);
    });
    Exit.setHaltProcedure((code, message) -> {
      throw new IllegalStateException("Kafka asked to halt(" + code + "): " + message);
    });
  }
}
