package dev.krag.deploy;

import dev.krag.deploy.KragConfig.SinkSettings;
import dev.krag.deploy.embedded.EmbeddedConnect;
import dev.krag.deploy.embedded.EmbeddedPostgres;
import dev.krag.schemas.Bucket;
import dev.krag.schemas.Topics;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where analytics users read krag: PostgreSQL, its tables made by versioned migrations at start-up,
 * and the bucket's artifacts, both filled by Kafka Connect sink connectors from the topics.
 * Embedded unless configured: a PostgreSQL server and a Connect worker in this JVM.
 */
public final class AnalyticsSinks implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AnalyticsSinks.class);
  private static final Duration POLL = Duration.ofMillis(500);
  /** How long reading a partition's unwritten stretch, or the dead-letter topic, may take. */
  private static final Duration MARKER_READ = Duration.ofSeconds(5);

  private final StartedResources started = new StartedResources();
  private final List<Connectors.Connector> connectors = new ArrayList<>();
  private Connectors worker;
  private WorkerStart embeddedWorker;
  private EmbeddedConnect embedded;
  private String databaseUrl;
  private String databaseUser;
  private String databasePassword;

  private AnalyticsSinks() {}

  public static AnalyticsSinks start(SinkSettings settings, Path outDir, Path runtimeDir, String bootstrapServers, URI registry,
      Bucket bucket, short replicationFactor) throws Exception {
    AnalyticsSinks sinks = new AnalyticsSinks();
    try {
      sinks.startAll(settings, outDir, runtimeDir, bootstrapServers, registry, bucket, replicationFactor);
    } catch (Exception | Error e) {
      sinks.close();
      throw e;
    }
    return sinks;
  }

  private void startAll(SinkSettings settings, Path outDir, Path runtimeDir, String bootstrapServers, URI registry,
      Bucket bucket, short replicationFactor) throws Exception {
    if (settings.databaseUrl().isEmpty()) {
      EmbeddedPostgres postgres = started(EmbeddedPostgres.start(outDir.resolve("postgres")));
      databaseUrl = postgres.jdbcUrl();
      databaseUser = EmbeddedPostgres.USER;
      databasePassword = "";
    } else {
      databaseUrl = settings.databaseUrl();
      databaseUser = settings.databaseUser();
      databasePassword = settings.databasePassword();
    }
    var migrated = Flyway.configure().dataSource(databaseUrl, databaseUser, databasePassword).locations("classpath:db/migration")
        .load().migrate();
    log.info("analytics schema at version {} ({} migrations applied now)", migrated.targetSchemaVersion, migrated.migrationsExecuted);
    if (settings.connectUrl().isEmpty()) {
      embeddedWorker = () -> started(EmbeddedConnect.start(bootstrapServers, settings.connectPlugins(), runtimeDir.resolve("connect")));
      embedded = embeddedWorker.start();
    }
    worker = new Connectors(embedded != null ? embedded.rest() : URI.create(settings.connectUrl()));
    connectors.addAll(Connectors.read(settings.connectors(), Map.ofEntries(
        Map.entry("DATABASE_URL", databaseUrl),
        Map.entry("DATABASE_USER", databaseUser),
        Map.entry("DATABASE_PASSWORD", databasePassword),
        Map.entry("S3_ENDPOINT", bucket.endpoint().toString()),
        Map.entry("S3_REGION", bucket.region()),
        Map.entry("S3_BUCKET", bucket.name()),
        Map.entry("S3_ACCESS_KEY_ID", bucket.accessKey()),
        Map.entry("S3_SECRET_ACCESS_KEY", bucket.secretKey()),
        Map.entry("REGISTRY_URL", registry.toString()),
        Map.entry("DLQ_TOPIC", Topics.DLQ.name()),
        Map.entry("REPLICATION_FACTOR", Short.toString(replicationFactor)))));
    worker.apply(connectors);
  }

  public String databaseUrl() {
    return databaseUrl;
  }

  /** The Connect worker's REST API, where the connectors' states and offsets are. */
  public URI connectUrl() {
    return worker.rest();
  }

  /** The connectors applied at start-up, their variables filled in. */
  public List<Connectors.Connector> connectors() {
    return List.copyOf(connectors);
  }

  /** How the embedded worker is started, to start it again. */
  private interface WorkerStart {
    EmbeddedConnect start() throws Exception;
  }

  /**
   * Stops the embedded Connect worker and starts a new one in its place, as after a crash: its
   * connectors are applied again and resume from the offsets they committed to Kafka.
   */
  public void restartWorker() throws Exception {
    if (embedded == null) {
      throw new IllegalStateException("the Connect worker at " + worker.rest() + " is not krag's to restart");
    }
    embedded.close();
    embedded = embeddedWorker.start();
    worker = new Connectors(embedded.rest());
    worker.apply(connectors);
  }

  /**
   * Waits until every connector has committed the end of its topics, that is written every record
   * there now; false if {@code timeout} passed first, with the connectors still behind logged.
   */
  public boolean awaitCaughtUp(String bootstrapServers, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
         KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
             new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      Map<String, Long> behind = lag(admin, reader);
      while (!behind.isEmpty()) {
        if (System.nanoTime() > deadline) {
          for (String name : behind.keySet()) {
            log.error("sink connector {} ({}) still {} records behind after {} s", name, worker.states(name), behind.get(name),
                timeout.toSeconds());
          }
          return false;
        }
        Thread.sleep(POLL);
        behind = lag(admin, reader);
      }
      return true;
    }
  }

  /** Records each connector has yet to commit, for those with any. */
  private Map<String, Long> lag(Admin admin, KafkaConsumer<byte[], byte[]> reader) throws Exception {
    Map<String, Long> behind = new HashMap<>();
    for (Connectors.Connector connector : connectors) {
      Set<String> topics = Set.of(connector.config().get("topics").split("\\s*,\\s*"));
      Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(topics).allTopicNames().get().values().stream()
          .flatMap(t -> t.partitions().stream().map(p -> new TopicPartition(t.name(), p.partition())))
          .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets("connect-" + connector.name()).partitionsToOffsetAndMetadata().get();
      Set<String> deadLettered = null;
      long missing = 0;
      for (var end : admin.listOffsets(latest).all().get().entrySet()) {
        OffsetAndMetadata done = committed.get(end.getKey());
        long from = done == null ? 0 : done.offset();
        if (from < end.getValue().offset()) {
          deadLettered = deadLettered != null ? deadLettered : deadLettered(admin, reader, connector.name());
          if (unwritten(reader, end.getKey(), from, end.getValue().offset(), deadLettered)) {
            missing += end.getValue().offset() - from;
          }
        }
      }
      if (missing > 0) {
        behind.put(connector.name(), missing);
      }
    }
    return behind;
  }

  /**
   * Whether a record between the two offsets is still to be written. The committed offset can
   * stop short of a partition's end with nothing left to write: transactional producers (the
   * Streams applications) leave a commit marker after their records, which takes an offset but
   * reaches no consumer; and Connect commits no offset for a record it sent to the dead-letter
   * topic until a later record of the same partition is written.
   */
  private static boolean unwritten(KafkaConsumer<byte[], byte[]> reader, TopicPartition partition, long from, long end,
      Set<String> deadLettered) {
    Stretch stretch = read(reader, partition, from, end);
    return !stretch.whole()
        || stretch.records().stream().anyMatch(r -> !deadLettered.contains(source(r.topic(), r.partition(), r.offset())));
  }

  /** Where each record this connector sent to the dead-letter topic came from, as its error headers say. */
  private static Set<String> deadLettered(Admin admin, KafkaConsumer<byte[], byte[]> reader, String connector) throws Exception {
    TopicPartition dlq = new TopicPartition(Topics.DLQ.name(), 0);
    long start = admin.listOffsets(Map.of(dlq, OffsetSpec.earliest())).all().get().get(dlq).offset();
    long end = admin.listOffsets(Map.of(dlq, OffsetSpec.latest())).all().get().get(dlq).offset();
    Set<String> sources = new HashSet<>();
    for (ConsumerRecord<byte[], byte[]> record : read(reader, dlq, start, end).records()) {
      if (connector.equals(header(record, "__connect.errors.connector.name"))) {
        sources.add(source(header(record, "__connect.errors.topic"), Integer.parseInt(header(record, "__connect.errors.partition")),
            Long.parseLong(header(record, "__connect.errors.offset"))));
      }
    }
    return sources;
  }

  /** Records of a partition read from an offset towards another; whole if the reader got there in time. */
  private record Stretch(List<ConsumerRecord<byte[], byte[]>> records, boolean whole) {}

  private static Stretch read(KafkaConsumer<byte[], byte[]> reader, TopicPartition partition, long from, long end) {
    reader.assign(List.of(partition));
    reader.seek(partition, from);
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    long deadline = System.nanoTime() + MARKER_READ.toNanos();
    while (reader.position(partition) < end && System.nanoTime() < deadline) {
      reader.poll(POLL).records(partition).stream().filter(r -> r.offset() < end).forEach(records::add);
    }
    return new Stretch(records, reader.position(partition) >= end);
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static String source(String topic, int partition, long offset) {
    return topic + "/" + partition + "@" + offset;
  }

  private <T extends AutoCloseable> T started(T resource) {
    return started.add(resource);
  }

  @Override
  public void close() {
    started.close();
  }
}
