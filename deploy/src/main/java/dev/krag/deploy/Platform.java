package dev.krag.deploy;

import static dev.krag.deploy.StartedResources.await;

import dev.krag.deploy.KragConfig.QdrantSettings;
import dev.krag.deploy.embedded.EmbeddedKafka;
import dev.krag.deploy.embedded.RegistryServer;
import dev.krag.deploy.embedded.TopicProvisioner;
import dev.krag.schemas.SerdeFactory;
import dev.krag.schemas.Topics;
import dev.krag.stages.critique.Critic;
import dev.krag.stages.critique.VideoProbe;
import dev.krag.stages.edit.VideoEditor;
import dev.krag.stages.generate.ShotGenerator;
import dev.krag.stages.knowledge.Embedder;
import dev.krag.stages.knowledge.LocalVectorCache;
import dev.krag.stages.knowledge.Neo4jVectorStore;
import dev.krag.stages.knowledge.QdrantVectorStore;
import dev.krag.stages.knowledge.RedisVectorCache;
import dev.krag.stages.knowledge.VectorCache;
import dev.krag.stages.knowledge.VectorMemory;
import dev.krag.stages.knowledge.VectorStore;
import dev.krag.stages.music.Composer;
import dev.krag.stages.music.PiecePlayer;
import dev.krag.stages.music.Synth;
import dev.krag.stages.store.AssetCache;
import dev.krag.stages.store.AssetStore;
import dev.krag.stages.store.LocalAssetCache;
import dev.krag.stages.store.RedisAssetCache;
import dev.krag.stages.store.S3AssetStore;
import dev.krag.topologies.StreamsRunner;
import dev.krag.topologies.StreamsSettings;
import dev.krag.topologies.bookkeeping.BookkeepingTopology;
import dev.krag.topologies.stages.StageTopology;
import dev.krag.topologies.stages.Stages;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Everything a run needs, each part started once what it needs is up, and closed in reverse: the
 * broker and the registry (embedded unless configured), the topics, the bucket, the knowledge
 * graph, the analytics sinks, and both Streams applications. An instance of one role starts only
 * its part: the API's the bookkeeping and the sinks, a worker's the knowledge graph and the stages.
 */
public final class Platform implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
  /** The platform spec's timeout for the knowledge stores. */
  private static final Duration VECTOR_TIMEOUT = Duration.ofSeconds(30);

  private final StartedResources started = new StartedResources();
  private final KragConfig config;
  private String bootstrapServers;
  private URI registry;
  private SerdeFactory serdes;
  private StreamsRunner bookkeeping;
  private StreamsRunner stageStreams;
  private KnowledgeGraphConnection knowledge;
  private AnalyticsSinks analytics;
  private ObjectStorage storage;
  private S3AssetStore assets;

  private Platform(KragConfig config) {
    this.config = config;
  }

  /** @param runtimeDir where the embedded broker, registry and state stores keep their data */
  public static Platform start(KragConfig config, Path runtimeDir) throws Exception {
    return start(config, runtimeDir, "");
  }

  /**
   * @param applicationServer {@code host:port} where this instance's API answers the others'
   *     interactive queries, or empty when it serves none
   */
  public static Platform start(KragConfig config, Path runtimeDir, String applicationServer) throws Exception {
    Platform platform = new Platform(config);
    try {
      platform.startAll(runtimeDir, applicationServer);
    } catch (Exception | Error e) {
      platform.close();
      throw e;
    }
    return platform;
  }

  private void startAll(Path runtimeDir, String applicationServer) throws Exception {
    // Servers that need nothing of each other start side by side, so a slow one (the registry is
    // a JVM of its own, the embedding model a large file) holds up only what needs it.
    Future<URI> registryUp = started.inBackground("registry", () -> config.registryUrl().isEmpty()
        ? started(RegistryServer.start(config.registryHome(), runtimeDir.resolve("registry"), START_TIMEOUT)).api()
        : URI.create(config.registryUrl()));
    Future<SerdeFactory> registered = started.inBackground("schemas", () -> SchemaSetup.registered(await(registryUp)));
    Future<ObjectStorage> bucketUp = started.inBackground("bucket", () -> started(ObjectStorage.start(config.storage(), config.outDir())));
    InstanceRole role = config.role();
    Future<KnowledgeGraphConnection> graphUp = role.runsStages() ? started.inBackground("knowledge",
        () -> started(KnowledgeGraphConnection.open(config.neo4j(), config.outDir().resolve("neo4j")))) : null;
    Providers providers = new Providers(config.providers());
    Future<List<Embedder>> embeddersLoaded =
        role.runsStages() ? started.inBackground("embeddings", () -> providers.embedders(vectorCache())) : null;

    if (config.kafkaBootstrap().isEmpty()) {
      EmbeddedKafka kafka = started(EmbeddedKafka.start(runtimeDir.resolve("kafka")));
      bootstrapServers = kafka.bootstrapServers();
    } else {
      bootstrapServers = config.kafkaBootstrap();
    }
    TopicProvisioner.ensure(bootstrapServers, Topics.all(), config.replicationFactor());
    registry = await(registryUp);
    storage = await(bucketUp);
    assets = started(new S3AssetStore(storage.bucket(), config.outDir().resolve("cache")));
    if (config.sinks().enabled() && role.servesApi()) {
      analytics = started(AnalyticsSinks.start(config.sinks(), config.outDir(), runtimeDir, bootstrapServers, registry,
          storage.bucket(), config.replicationFactor()));
    }
    serdes = await(registered);

    StreamsSettings settings = new StreamsSettings(bootstrapServers, runtimeDir.resolve("state"), config.stageThreads(),
        config.replicationFactor(), applicationServer, config.instanceId(), config.runTimeout(), config.standbyReplicas(), config.rack());
    if (role.servesApi()) {
      bookkeeping = started(new StreamsRunner(BookkeepingTopology.APPLICATION_ID, BookkeepingTopology.build(serdes),
          settings.bookkeeping(BookkeepingTopology.APPLICATION_ID)).start());
    }
    if (role.runsStages()) {
      knowledge = await(graphUp);
      Tracing tracing = started(Tracing.start(config.tracing()));
      stageStreams = started(new StreamsRunner(StageTopology.APPLICATION_ID,
          StageTopology.build(serdes, stages(providers, await(embeddersLoaded)), tracing.runs()), settings.stages(StageTopology.APPLICATION_ID))
          .start());
    }
    for (StreamsRunner streams : running()) {
      streams.awaitRunning(START_TIMEOUT);
    }
  }

  /** Why this instance cannot take work yet, or null once each of its Streams applications runs. */
  public String notReady() {
    return running().stream().filter(streams -> !streams.streams().state().isRunningOrRebalancing())
        .map(streams -> streams.name() + " is " + streams.streams().state()).findFirst().orElse(null);
  }

  /** The Streams applications this instance runs. */
  private List<StreamsRunner> running() {
    return Stream.of(bookkeeping, stageStreams).filter(Objects::nonNull).toList();
  }

  private Stages stages(Providers providers, List<Embedder> embedders) {
    // One synthesizer for the generate and edit stages: it keeps its SoundFont loaded.
    PiecePlayer music = new PiecePlayer(new Composer(), new Synth());
    return new Stages(providers.parser(), knowledge.graph(), new VectorMemory(embedders, vectorStore()),
        providers.planner(), new ShotGenerator(providers.pictures(), providers.narrator(config.dialogueVoice()), music, assets,
            assetCache()), new VideoEditor(assets, music), new VideoProbe(), new Critic(config.critic()), assets);
  }

  /** Shared by every instance through Redis when {@code REDIS_URL} is set, else this process's own; so is {@link #vectorCache}. */
  private AssetCache assetCache() {
    Duration ttl = config.providers().media().assetCacheTtl();
    String redisUrl = config.security().redisUrl();
    return redisUrl.isEmpty() ? new LocalAssetCache(ttl, Clock.systemUTC()) : started(new RedisAssetCache(redisUrl, ttl));
  }

  private VectorCache vectorCache() {
    String redisUrl = config.security().redisUrl();
    return redisUrl.isEmpty() ? new LocalVectorCache(VectorCache.DEFAULT_TTL, Clock.systemUTC())
        : started(new RedisVectorCache(redisUrl, VectorCache.DEFAULT_TTL));
  }

  private VectorStore vectorStore() {
    QdrantSettings qdrant = config.qdrant();
    return qdrant.enabled()
        ? started(QdrantVectorStore.connect(qdrant.host(), qdrant.port(), qdrant.tls(), qdrant.apiKey(), VECTOR_TIMEOUT))
        : new Neo4jVectorStore(knowledge.driver(), config.neo4j().database());
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public URI registry() {
    return registry;
  }

  /** The knowledge graph, on an instance that runs the stages. */
  public Optional<KnowledgeGraphConnection> knowledge() {
    return Optional.ofNullable(knowledge);
  }

  public SerdeFactory serdes() {
    return serdes;
  }

  /** The bucket the stages keep media in, and where a run's video is read from. */
  public AssetStore assets() {
    return assets;
  }

  public ObjectStorage storage() {
    return storage;
  }

  /** The analytics database and its sink connectors, unless turned off. */
  public Optional<AnalyticsSinks> analytics() {
    return Optional.ofNullable(analytics);
  }

  /** The bookkeeping's Streams application, whose stores the API reads; only on an instance that serves the API. */
  public StreamsRunner bookkeeping() {
    if (bookkeeping == null) {
      throw new IllegalStateException("a " + config.role() + " instance keeps no run state");
    }
    return bookkeeping;
  }

  private <T extends AutoCloseable> T started(T resource) {
    return started.add(resource);
  }

  @Override
  public void close() {
    started.close();
  }
}
