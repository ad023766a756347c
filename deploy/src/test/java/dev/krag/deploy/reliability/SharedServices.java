package dev.krag.deploy.reliability;

import dev.krag.deploy.KragConfig;
import dev.krag.deploy.StartedResources;
import dev.krag.deploy.embedded.DistributedConnectWorker;
import dev.krag.deploy.embedded.EmbeddedKafka;
import dev.krag.deploy.embedded.EmbeddedNeo4j;
import dev.krag.deploy.embedded.EmbeddedPostgres;
import dev.krag.deploy.embedded.EmbeddedS3;
import dev.krag.deploy.embedded.RegistryServer;
import dev.krag.schemas.Bucket;
import dev.krag.stages.generate.FakeElevenLabs;
import dev.krag.stages.generate.FakeReplicate;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What krag's workers share in a deployment, each a real server (here in the test's JVM): the
 * broker, the registry, PostgreSQL with a distributed Connect worker, the S3 bucket and Neo4j; and
 * the paid picture and voice APIs, doubles that speak Replicate's and ElevenLabs' wire formats
 * so that every run has a bill.
 */
final class SharedServices implements AutoCloseable {

  static final String S3_KEY = "workers";
  static final String S3_SECRET = "workers-secret";

  private final StartedResources started = new StartedResources();
  private final Path dir;
  private EmbeddedKafka kafka;
  private RegistryServer registry;
  private EmbeddedPostgres postgres;
  private EmbeddedS3 s3;
  private DistributedConnectWorker connect;
  private EmbeddedNeo4j neo4j;
  private FakeReplicate replicate;
  private FakeElevenLabs elevenLabs;

  private SharedServices(Path dir) {
    this.dir = dir;
  }

  static SharedServices start(Path dir) throws Exception {
    SharedServices services = new SharedServices(dir);
    try {
      services.startAll();
    } catch (Exception | Error e) {
      services.close();
      throw e;
    }
    return services;
  }

  private void startAll() throws Exception {
    KragConfig defaults = KragConfig.from(Map.<String, String>of()::get);
    kafka = EmbeddedKafka.start(dir.resolve("kafka"));
    registry = started.add(RegistryServer.start(defaults.registryHome(), dir.resolve("registry"), Duration.ofMinutes(2)));
    postgres = started.add(EmbeddedPostgres.start(dir.resolve("postgres")));
    s3 = started.add(EmbeddedS3.start(dir.resolve("s3"), S3_KEY, S3_SECRET));
    connect = started.add(DistributedConnectWorker.start(kafka.bootstrapServers(), defaults.sinks().connectPlugins(), "workers-connect"));
    neo4j = started.add(EmbeddedNeo4j.start(dir.resolve("neo4j")));
    replicate = started.add(new FakeReplicate());
    elevenLabs = started.add(new FakeElevenLabs());
  }

  /** A worker's settings: every service is this one's; its own output folder and instance name. */
  Map<String, String> workerEnv(String instance) {
    return Map.ofEntries(
        Map.entry("KRAG_OUT", dir.resolve(instance).toAbsolutePath().toString()),
        Map.entry("KRAG_INSTANCE_ID", instance),
        Map.entry("KRAG_API_PORT", "0"),
        Map.entry("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers()),
        Map.entry("REGISTRY_URL", registry.api().toString()),
        Map.entry("DATABASE_URL", postgres.jdbcUrl()),
        Map.entry("DATABASE_USER", EmbeddedPostgres.USER),
        Map.entry("CONNECT_URL", connect.rest().toString()),
        Map.entry("S3_ENDPOINT", s3.endpoint().toString()),
        Map.entry("S3_ACCESS_KEY_ID", S3_KEY),
        Map.entry("S3_SECRET_ACCESS_KEY", S3_SECRET),
        Map.entry("NEO4J_URI", neo4j.boltUri()),
        Map.entry("REPLICATE_API_TOKEN", FakeReplicate.TOKEN),
        Map.entry("REPLICATE_BASE_URL", replicate.baseUrl().toString()),
        Map.entry("ELEVENLABS_API_KEY", FakeElevenLabs.KEY),
        Map.entry("ELEVENLABS_BASE_URL", elevenLabs.baseUrl().toString()),
        Map.entry("KRAG_VOICES", "elevenlabs:eleven_multilingual_v2/" + FakeElevenLabs.VOICE),
        // Another run's assets are copied at no cost: off, so that a run's bill depends on the run alone.
        Map.entry("KRAG_ASSET_CACHE_HOURS", "0"),
        Map.entry("KRAG_STAGE_THREADS", "2"));
  }

  String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  URI registry() {
    return registry.api();
  }

  String jdbcUrl() {
    return postgres.jdbcUrl();
  }

  Bucket bucket() {
    return new Bucket(s3.endpoint(), "us-east-1", Bucket.DEFAULT_NAME, S3_KEY, S3_SECRET);
  }

  /** The broker goes down for a while and comes back on the same log and address. */
  void restartBroker(Duration down) throws Exception {
    kafka = kafka.restarted(down);
  }

  @Override
  public void close() {
    started.close();
    if (kafka != null) {
      kafka.close();
    }
  }
}
