package dev.krag.deploy;

import dev.krag.api.JwtVerifier;
import dev.krag.api.Quotas;
import dev.krag.api.RateLimit;
import dev.krag.schemas.Bucket;
import dev.krag.schemas.RunConfig;
import dev.krag.stages.critique.CriticSettings;
import dev.krag.stages.store.AssetCache;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every setting krag reads, in one typed place: parsed once from the environment, validated before
 * anything starts, and printable. Each has a default that works on one machine with no services.
 *
 * @param role what this process does: everything, the API alone or the stages alone ({@code KRAG_ROLE})
 * @param outDir where runs write their media and the embedded services their data ({@code KRAG_OUT})
 * @param logFormat how the log is kept: text lines in a file under the output folder, or JSON lines
 *     on stdout for a container's runtime to collect ({@code KRAG_LOG_FORMAT})
 * @param kafkaBootstrap an external Kafka cluster; empty starts an embedded broker ({@code KAFKA_BOOTSTRAP_SERVERS})
 * @param registryUrl an external registry's v3 API; empty starts the embedded one ({@code REGISTRY_URL})
 * @param registryHome the unpacked registry distribution the embedded one runs from ({@code KRAG_REGISTRY_HOME})
 * @param neo4j the knowledge graph's database; an empty URI starts an embedded Neo4j under the output folder
 * @param qdrant where vectors live if not in Neo4j's vector index
 * @param providers the remote language and embedding models, if any
 * @param storage the S3 bucket the stages keep media in and the artifact sink writes to
 * @param sinks where the records land for analytics: PostgreSQL through Kafka Connect
 * @param tracing where the runs' traces go, if anywhere
 * @param replicationFactor of krag's topics and internal topics ({@code KRAG_REPLICATION_FACTOR})
 * @param stageThreads stream threads for the heavy stages ({@code KRAG_STAGE_THREADS})
 * @param instanceId this instance's lasting name in the Streams groups ({@code KRAG_INSTANCE_ID}, e.g. a
 *     StatefulSet pod's name): a restarted instance takes its tasks back at once instead of after the
 *     session timeout; empty for none (dynamic membership, as a single process needs)
 * @param standbyReplicas warm copies of each state store on other instances ({@code KRAG_STANDBY_REPLICAS})
 * @param rack this instance's rack or zone, for rack-aware task and standby placement ({@code KRAG_RACK}; empty for none)
 * @param run the defaults of each run: frame size, fps, pace, iterations
 * @param critic the critic's thresholds
 * @param dialogueVoice whether what characters say is read in a voice of its own ({@code KRAG_DIALOGUE_VOICE}, on by default)
 * @param apiHost the address {@code krag serve} answers the API on ({@code KRAG_API_HOST}, loopback unless set)
 * @param apiPort its port ({@code KRAG_API_PORT}, the platform spec's 8000; 0 for any free one)
 * @param managementPort where health and metrics answer without credentials, for probes and scrapers
 *     ({@code KRAG_MANAGEMENT_PORT}; by default 8081 for the API and worker roles, none for one process alone)
 * @param apiAdvertisedHost the name the other instances reach this one's API by
 *     ({@code KRAG_API_ADVERTISED_HOST}; the API host, or this machine's name when that is 0.0.0.0)
 * @param maxStoryBytes the largest story accepted ({@code KRAG_MAX_STORY_BYTES})
 * @param security the bearer tokens the API trusts and where the first admin key is kept
 * @param runTimeout how long {@code krag run} waits for a run in all ({@code KRAG_RUN_TIMEOUT_SECONDS})
 * @param stallTimeout how long it waits without any news of the run ({@code KRAG_STALL_TIMEOUT_SECONDS})
 */
public record KragConfig(
    InstanceRole role,
    Path outDir,
    LogFormat logFormat,
    String kafkaBootstrap,
    String registryUrl,
    Path registryHome,
    Neo4jSettings neo4j,
    QdrantSettings qdrant,
    ProviderSettings providers,
    StorageSettings storage,
    SinkSettings sinks,
    TracingSettings tracing,
    short replicationFactor,
    int stageThreads,
    String instanceId,
    int standbyReplicas,
    String rack,
    RunConfig run,
    CriticSettings critic,
    boolean dialogueVoice,
    String apiHost,
    int apiPort,
    OptionalInt managementPort,
    String apiAdvertisedHost,
    int maxStoryBytes,
    SecuritySettings security,
    Duration runTimeout,
    Duration stallTimeout) {

  public KragConfig {
    require(stageThreads >= 1, "KRAG_STAGE_THREADS must be at least 1");
    require(replicationFactor >= 1, "KRAG_REPLICATION_FACTOR must be at least 1");
    require(run.getWidth() % 2 == 0 && run.getHeight() % 2 == 0 && run.getWidth() >= 64 && run.getHeight() >= 64,
        "KRAG_WIDTH and KRAG_HEIGHT must be even and at least 64");
    require(run.getFps() >= 1 && 48_000 % run.getFps() == 0, "KRAG_FPS must divide 48000 (e.g. 24, 25, 30)");
    require(run.getWordsPerMinute() >= 60 && run.getWordsPerMinute() <= 300, "KRAG_WORDS_PER_MINUTE must be 60..300");
    require(run.getMaxIterations() >= 1, "KRAG_MAX_ITERATIONS must be at least 1");
    require(run.getMaxCostUsd() == null || run.getMaxCostUsd() >= 0, "KRAG_MAX_COST_USD must be zero or more");
    require(apiPort >= 0 && apiPort <= 65_535, "KRAG_API_PORT must be a port number (0 for any free one)");
    require(maxStoryBytes > 0, "KRAG_MAX_STORY_BYTES must be positive");
    require(standbyReplicas >= 0, "KRAG_STANDBY_REPLICAS must be zero or more");
    require(managementPort.orElse(0) >= 0 && managementPort.orElse(0) <= 65_535, "KRAG_MANAGEMENT_PORT must be a port number");
    if (role != InstanceRole.ALL) {
      // One role alone is one part of a cluster: it cannot start the shared services for itself.
      String why = "KRAG_ROLE=" + role + " joins a cluster and needs ";
      require(!kafkaBootstrap.isEmpty(), why + "KAFKA_BOOTSTRAP_SERVERS");
      require(!registryUrl.isEmpty(), why + "REGISTRY_URL");
      require(!storage.endpoint().isEmpty(), why + "S3_ENDPOINT");
      require(!role.runsStages() || !neo4j.uri().isEmpty(), why + "NEO4J_URI");
      require(!role.servesApi() || !sinks.enabled() || (!sinks.databaseUrl().isEmpty() && !sinks.connectUrl().isEmpty()),
          why + "DATABASE_URL and CONNECT_URL (or KRAG_SINKS=off)");
    }
  }

  /** Where health and metrics answer in a cluster's pods. */
  public static final int DEFAULT_MANAGEMENT_PORT = 8081;

  public static KragConfig fromEnvironment() {
    return from(System::getenv);
  }

  public static KragConfig from(Function<String, String> env) {
    Settings s = new Settings(env);
    InstanceRole role = InstanceRole.parse(s.text("KRAG_ROLE", InstanceRole.ALL.toString()));
    return new KragConfig(
        role,
        outDir(env),
        logFormat(env),
        s.text("KAFKA_BOOTSTRAP_SERVERS", ""),
        s.text("REGISTRY_URL", ""),
        Path.of(s.text("KRAG_REGISTRY_HOME", System.getProperty("krag.registry.home", "deploy/target/apicurio-registry"))),
        new Neo4jSettings(s.text("NEO4J_URI", ""), s.text("NEO4J_USER", "neo4j"), s.text("NEO4J_PASSWORD", ""),
            s.text("NEO4J_DATABASE", "neo4j")),
        QdrantSettings.of(s.text("QDRANT_URL", ""), s.text("QDRANT_API_KEY", "")),
        ProviderSettings.of(s),
        StorageSettings.of(s),
        SinkSettings.of(s),
        TracingSettings.of(s),
        (short) s.integer("KRAG_REPLICATION_FACTOR", 1),
        s.integer("KRAG_STAGE_THREADS", 2),
        s.text("KRAG_INSTANCE_ID", ""),
        s.integer("KRAG_STANDBY_REPLICAS", 0),
        s.text("KRAG_RACK", ""),
        RunConfig.newBuilder()
            .setWidth(s.integer("KRAG_WIDTH", 1280))
            .setHeight(s.integer("KRAG_HEIGHT", 720))
            .setFps(s.integer("KRAG_FPS", 24))
            .setWordsPerMinute(s.integer("KRAG_WORDS_PER_MINUTE", 150))
            .setMaxIterations(s.integer("KRAG_MAX_ITERATIONS", 2))
            .setMaxCostUsd(s.optionalDecimal("KRAG_MAX_COST_USD"))
            .build(),
        new CriticSettings(
            s.decimal("KRAG_CRITIC_DURATION_TOLERANCE", CriticSettings.DEFAULTS.durationTolerance()),
            s.decimal("KRAG_CRITIC_MIN_WPM", CriticSettings.DEFAULTS.minWordsPerMinute()),
            s.decimal("KRAG_CRITIC_MAX_WPM", CriticSettings.DEFAULTS.maxWordsPerMinute()),
            s.decimal("KRAG_CRITIC_SYNC_TOLERANCE_SECONDS", CriticSettings.DEFAULTS.syncTolerance()),
            s.decimal("KRAG_CRITIC_LONGEST_STILL_SECONDS", CriticSettings.DEFAULTS.longestStill()),
            s.decimal("KRAG_LOUDNESS_LUFS", CriticSettings.DEFAULTS.loudness()),
            s.decimal("KRAG_CRITIC_LOUDNESS_TOLERANCE", CriticSettings.DEFAULTS.loudnessTolerance()),
            s.decimal("KRAG_CRITIC_TRUE_PEAK_CEILING", CriticSettings.DEFAULTS.truePeakCeiling())),
        s.flag("KRAG_DIALOGUE_VOICE", true),
        s.text("KRAG_API_HOST", "127.0.0.1"),
        s.integer("KRAG_API_PORT", 8000),
        role == InstanceRole.ALL && s.text("KRAG_MANAGEMENT_PORT", null) == null ? OptionalInt.empty()
            : OptionalInt.of(s.integer("KRAG_MANAGEMENT_PORT", DEFAULT_MANAGEMENT_PORT)),
        s.text("KRAG_API_ADVERTISED_HOST", advertised(s.text("KRAG_API_HOST", "127.0.0.1"))),
        s.integer("KRAG_MAX_STORY_BYTES", 200_000),
        SecuritySettings.of(s),
        Duration.ofSeconds(s.integer("KRAG_RUN_TIMEOUT_SECONDS", 3600)),
        Duration.ofSeconds(s.integer("KRAG_STALL_TIMEOUT_SECONDS", 600)));
  }

  private static String chain(List<String> models) {
    return Stream.concat(models.stream(), Stream.of(ProviderSettings.LOCAL)).collect(Collectors.joining(" → "));
  }

  /** The API host as others reach it: a wildcard address is no place to connect to. */
  private static String advertised(String apiHost) {
    if (!apiHost.equals("0.0.0.0") && !apiHost.equals("::")) {
      return apiHost;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  /** The output folder alone, which logging needs before the rest is read. */
  public static Path outDir(Function<String, String> env) {
    return Path.of(new Settings(env).text("KRAG_OUT", "out"));
  }

  /** The log's format alone, which logging needs before the rest is read. */
  public static LogFormat logFormat(Function<String, String> env) {
    String format = new Settings(env).text("KRAG_LOG_FORMAT", LogFormat.TEXT.toString());
    return Stream.of(LogFormat.values()).filter(f -> f.toString().equals(format)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("KRAG_LOG_FORMAT must be text or json, not '" + format + "'"));
  }

  /** How krag's log is kept ({@code KRAG_LOG_FORMAT}). */
  public enum LogFormat {
    /** Lines for a person, in {@code <out>/logs/krag.log}. */
    TEXT,
    /** One JSON object a line on stdout, with the run, stage and shot each line is about. */
    JSON;

    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public KragConfig withOutDir(Path dir) {
    return with(dir, run);
  }

  /** The same settings with every run condensed to about this many seconds, or not at all for null. */
  public KragConfig withTargetDuration(Double seconds) {
    return with(outDir, RunConfig.newBuilder(run).setTargetDurationSeconds(seconds).build());
  }

  private KragConfig with(Path outDir, RunConfig run) {
    return new KragConfig(role, outDir, logFormat, kafkaBootstrap, registryUrl, registryHome, neo4j, qdrant, providers, storage, sinks, tracing, replicationFactor,
        stageThreads, instanceId, standbyReplicas, rack, run, critic, dialogueVoice, apiHost, apiPort, managementPort, apiAdvertisedHost,
        maxStoryBytes, security, runTimeout, stallTimeout);
  }

  /** The settings as a person reads them at start-up, secrets masked. */
  public Map<String, String> describe() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("role", role.toString());
    m.put("out", outDir.toAbsolutePath().toString());
    m.put("kafka", kafkaBootstrap.isEmpty() ? "embedded" : kafkaBootstrap);
    m.put("registry", registryUrl.isEmpty() ? "embedded" : registryUrl);
    m.put("neo4j", neo4j.uri().isEmpty() ? "embedded" : neo4j.uri() + " as " + neo4j.user() + (neo4j.password().isEmpty() ? "" : ":****")
        + " / " + neo4j.database());
    m.put("vectors", qdrant.enabled() ? "qdrant " + qdrant.host() + ":" + qdrant.port() + (qdrant.apiKey().isEmpty() ? "" : " (key ****)")
        : "neo4j vector index");
    m.put("parse with", chain(providers.parseModels()));
    m.put("plan with", chain(providers.planModels()));
    m.put("draw with", chain(providers.media().imageModels()));
    m.put("read with", chain(providers.media().voices()));
    m.put("embeddings", providers.embeddings());
    m.put("bucket", (storage.endpoint().isEmpty() ? "embedded" : storage.endpoint()) + " / " + storage.bucket());
    m.put("traces", tracing.enabled() ? "OTLP to " + tracing.endpoint() + " as " + tracing.serviceName() : "off");
    m.put("sinks", !sinks.enabled() ? "off"
        : "postgres " + (sinks.databaseUrl().isEmpty() ? "embedded" : sinks.databaseUrl()) + " via connect "
            + (sinks.connectUrl().isEmpty() ? "embedded" : sinks.connectUrl()));
    m.put("frame", run.getWidth() + "x" + run.getHeight() + " @" + run.getFps() + " fps");
    m.put("pace", run.getWordsPerMinute() + " wpm");
    m.put("iterations", Integer.toString(run.getMaxIterations()));
    managementPort.ifPresent(port -> m.put("management", "port " + port + " (health, metrics)"));
    if (standbyReplicas > 0 || !rack.isEmpty()) {
      m.put("standbys", standbyReplicas + (rack.isEmpty() ? "" : ", rack " + rack));
    }
    m.put("rate limit", security.rateLimit().perMinute() + "/min, bursts of " + security.rateLimit().burst() + " per principal"
        + (security.redisUrl().isEmpty() ? ", per instance" : ", shared through Redis"));
    m.put("quotas", security.quotas().concurrentRuns() + " runs at a time, $" + security.quotas().dailyUsd() + " a day per principal");
    m.put("api tokens", "API keys" + security.jwt().hs256Secret().map(x -> ", HS256 JWTs").orElse("")
        + security.jwt().rs256PublicKey().map(x -> ", RS256 JWTs").orElse(""));
    m.put("dialogue", dialogueVoice ? "a voice of its own" : "the narrator's voice");
    if (run.getTargetDurationSeconds() != null) {
      m.put("target", String.format(java.util.Locale.ROOT, "%.0f s", run.getTargetDurationSeconds()));
    }
    return m;
  }

  /**
   * The analytics sinks ({@code KRAG_SINKS}, on by default): the records of stories, runs and
   * costs written to PostgreSQL by Kafka Connect. An empty {@code DATABASE_URL} starts an embedded
   * PostgreSQL under the output folder, an empty {@code CONNECT_URL} a Connect worker in this JVM
   * with the Debezium JDBC sink from {@code connectPlugins}; {@code connectors} holds the
   * connector configurations ({@code KRAG_CONNECTORS}).
   */
  public record SinkSettings(boolean enabled, String databaseUrl, String databaseUser, String databasePassword,
      String connectUrl, Path connectPlugins, Path connectors) {

    static SinkSettings of(Settings s) {
      String databaseUrl = s.text("DATABASE_URL", "");
      require(databaseUrl.isEmpty() || databaseUrl.startsWith("jdbc:postgresql://"),
          "DATABASE_URL must be a PostgreSQL JDBC URL such as jdbc:postgresql://db:5432/krag, not '" + databaseUrl + "'");
      return new SinkSettings(s.flag("KRAG_SINKS", true), databaseUrl, s.text("DATABASE_USER", "postgres"),
          s.text("DATABASE_PASSWORD", ""), s.text("CONNECT_URL", ""),
          Path.of(s.text("KRAG_CONNECT_PLUGINS", System.getProperty("krag.connect.plugins", "deploy/target/connect-plugins"))),
          Path.of(s.text("KRAG_CONNECTORS", System.getProperty("krag.connectors", "connectors"))));
    }

    @Override
    public String toString() {
      return "SinkSettings[enabled=" + enabled + ", databaseUrl=" + databaseUrl + ", databaseUser=" + databaseUser
          + ", databasePassword=****, connectUrl=" + connectUrl + ", connectPlugins=" + connectPlugins + ", connectors=" + connectors + "]";
    }
  }

  /**
   * OpenTelemetry tracing, by the SDK's own variable names: spans sent over OTLP/HTTP to
   * {@code OTEL_EXPORTER_OTLP_ENDPOINT} (a collector's base URL, e.g. {@code http://collector:4318}),
   * named as {@code OTEL_SERVICE_NAME}; off when no endpoint is set.
   */
  public record TracingSettings(String endpoint, String serviceName) {

    static TracingSettings of(Settings s) {
      String endpoint = s.text("OTEL_EXPORTER_OTLP_ENDPOINT", "");
      require(endpoint.isEmpty() || endpoint.startsWith("http://") || endpoint.startsWith("https://"),
          "OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL such as http://collector:4318, not '" + endpoint + "'");
      return new TracingSettings(endpoint.replaceAll("/+$", ""), s.text("OTEL_SERVICE_NAME", "krag"));
    }

    public boolean enabled() {
      return !endpoint.isEmpty();
    }
  }

  /**
   * The S3 bucket of media and artifacts ({@code S3_ENDPOINT}, {@code S3_BUCKET}, {@code S3_REGION},
   * {@code S3_ACCESS_KEY_ID}, {@code S3_SECRET_ACCESS_KEY}). An empty endpoint starts an S3 server in
   * this JVM whose objects are plain files under the output folder; its keys are the defaults.
   */
  public record StorageSettings(String endpoint, String bucket, String region, String accessKey, String secretKey) {

    static StorageSettings of(Settings s) {
      String endpoint = s.text("S3_ENDPOINT", "");
      require(endpoint.isEmpty() || endpoint.startsWith("http://") || endpoint.startsWith("https://"),
          "S3_ENDPOINT must be an http(s) URL such as http://minio:9000, not '" + endpoint + "'");
      StorageSettings settings = new StorageSettings(endpoint, s.text("S3_BUCKET", Bucket.DEFAULT_NAME), s.text("S3_REGION", "us-east-1"),
          s.text("S3_ACCESS_KEY_ID", endpoint.isEmpty() ? "krag" : ""), s.text("S3_SECRET_ACCESS_KEY", endpoint.isEmpty() ? "krag-embedded" : ""));
      require(!settings.accessKey().isEmpty() && !settings.secretKey().isEmpty(),
          "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set with S3_ENDPOINT");
      return settings;
    }

    /** The bucket on the server at {@code at}: the configured endpoint, or the embedded server's. */
    public Bucket bucket(URI at) {
      return new Bucket(at, region, bucket, accessKey, secretKey);
    }

    @Override
    public String toString() {
      return "StorageSettings[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region + ", accessKey=" + accessKey
          + ", secretKey=****]";
    }
  }

  /**
   * Where the knowledge graph lives ({@code NEO4J_URI}, {@code NEO4J_USER}, {@code NEO4J_PASSWORD},
   * {@code NEO4J_DATABASE}).
   */
  public record Neo4jSettings(String uri, String user, String password, String database) {

    @Override
    public String toString() {
      return "Neo4jSettings[uri=" + uri + ", user=" + user + ", password=****, database=" + database + "]";
    }
  }

  /**
   * A Qdrant reached over gRPC ({@code QDRANT_URL}, e.g. {@code http://qdrant:6334}, and
   * {@code QDRANT_API_KEY}); without a URL the vectors stay in Neo4j's vector index.
   */
  public record QdrantSettings(String host, int port, boolean tls, String apiKey) {

    static final int GRPC_PORT = 6334;

    static QdrantSettings of(String url, String apiKey) {
      if (url.isEmpty()) {
        return new QdrantSettings("", 0, false, apiKey);
      }
      URI uri;
      try {
        uri = URI.create(url);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("QDRANT_URL must be a URL such as http://localhost:6334, not '" + url + "'");
      }
      require(uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())),
          "QDRANT_URL must be a URL such as http://localhost:6334, not '" + url + "'");
      return new QdrantSettings(uri.getHost(), uri.getPort() == -1 ? GRPC_PORT : uri.getPort(), "https".equals(uri.getScheme()), apiKey);
    }

    public boolean enabled() {
      return !host.isEmpty();
    }

    @Override
    public String toString() {
      return "QdrantSettings[host=" + host + ", port=" + port + ", tls=" + tls + ", apiKey=****]";
    }
  }

  /**
   * Remote models: {@code KRAG_LLM_MODELS} lists the language models tried before the local parser
   * and planner ({@code anthropic:claude-opus-4-1,openai:gpt-4.1}), and {@code KRAG_LLM_MODELS_PARSE}
   * and {@code KRAG_LLM_MODELS_PLAN} set one task's list apart; {@code KRAG_EMBEDDINGS} is
   * {@code local} or an OpenAI embedding model. Keys come from {@code OPENAI_API_KEY} and
   * {@code ANTHROPIC_API_KEY}, or the files named by {@code OPENAI_API_KEY_FILE} and
   * {@code ANTHROPIC_API_KEY_FILE}; {@code OPENAI_BASE_URL} points at any server that speaks
   * OpenAI's API (vLLM, Ollama, llama.cpp), {@code ANTHROPIC_BASE_URL} at another Anthropic endpoint.
   * With keys and nothing else set, krag follows the platform spec's chain over the providers it
   * has keys for (a step down for planning), and embeds with text-embedding-3-large when it has OpenAI's.
   *
   * @param parseModels the language models that parse, strongest first: the scene graph is what every later stage stands on
   * @param planModels the language models that plan, which condense and rewrite the parse's material into narration and
   *     prompts: by default the chain's cheaper models
   */
  public record ProviderSettings(List<String> parseModels, List<String> planModels, String embeddings, String openAiKey, URI openAiBaseUrl,
      String anthropicKey, URI anthropicBaseUrl, MediaSettings media, Duration timeout, int attempts, int concurrency, int breakerFailures,
      Duration breakerCooldown) {

    public static final String OPENAI = "openai";
    public static final String ANTHROPIC = "anthropic";
    public static final String LOCAL = "local";
    static final URI OPENAI_API = URI.create("https://api.openai.com/v1/");
    static final URI ANTHROPIC_API = URI.create("https://api.anthropic.com/");

    static ProviderSettings of(Settings s) {
      String openAiKey = key(s, "OPENAI_API_KEY");
      URI openAiBase = baseUrl(s.text("OPENAI_BASE_URL", OPENAI_API.toString()));
      String anthropicKey = key(s, "ANTHROPIC_API_KEY");
      URI anthropicBase = baseUrl(s.text("ANTHROPIC_BASE_URL", ANTHROPIC_API.toString()));
      boolean openAi = !openAiKey.isEmpty() || !openAiBase.equals(OPENAI_API);
      boolean anthropic = !anthropicKey.isEmpty();
      String everyTask = s.text("KRAG_LLM_MODELS", null);
      List<String> parseModels = chain(s.text("KRAG_LLM_MODELS_PARSE", everyTask != null ? everyTask : strongChain(openAi, anthropic)));
      List<String> planModels = chain(s.text("KRAG_LLM_MODELS_PLAN", everyTask != null ? everyTask : cheapChain(openAi, anthropic)));
      String embeddings = s.text("KRAG_EMBEDDINGS", openAiKey.isEmpty() ? LOCAL : OPENAI + ":text-embedding-3-large");
      for (String model : Stream.concat(parseModels.stream(), planModels.stream()).toList()) {
        String provider = ProviderSettings.provider(model);
        require((provider.equals(OPENAI) || provider.equals(ANTHROPIC)) && model.length() > provider.length() + 1,
            "KRAG_LLM_MODELS entries are openai:<model> (OpenAI or a server that speaks its API) or anthropic:<model>, not '" + model + "'");
        require(!provider.equals(OPENAI) || openAi,
            "OPENAI_API_KEY (or OPENAI_API_KEY_FILE, or OPENAI_BASE_URL for a local server) is needed for " + model);
        require(!provider.equals(ANTHROPIC) || anthropic, "ANTHROPIC_API_KEY (or ANTHROPIC_API_KEY_FILE) is needed for " + model);
      }
      require(embeddings.equals(LOCAL) || embeddings.startsWith(OPENAI + ":"), "KRAG_EMBEDDINGS must be local or openai:<model>");
      require(openAi || embeddings.equals(LOCAL), "OPENAI_API_KEY (or OPENAI_API_KEY_FILE) is needed for " + embeddings);
      return new ProviderSettings(parseModels, planModels, embeddings, openAiKey, openAiBase, anthropicKey, anthropicBase,
          MediaSettings.of(s, !openAiKey.isEmpty()),
          Duration.ofSeconds(s.integer("KRAG_LLM_TIMEOUT_SECONDS", 60)), s.integer("KRAG_LLM_ATTEMPTS", 3),
          s.integer("KRAG_LLM_CONCURRENCY", 4), s.integer("KRAG_LLM_BREAKER_FAILURES", 5),
          Duration.ofSeconds(s.integer("KRAG_LLM_BREAKER_COOLDOWN_SECONDS", 60)));
    }

    /** The remote entries of a list; {@code local} names the local provider, which ends every chain anyway. */
    static List<String> chain(String entries) {
      return Stream.of(entries.split("\\s*,\\s*")).filter(m -> !m.isEmpty() && !m.equals(LOCAL)).toList();
    }

    /**
     * The platform spec's fallback chain, of the providers there are keys for: Anthropic's strongest
     * model, then OpenAI's, then Anthropic's faster one (the local parser and planner come last anyway).
     */
    private static String strongChain(boolean openAi, boolean anthropic) {
      return String.join(",", Stream.of(anthropic ? ANTHROPIC + ":claude-opus-4-1" : "", openAi ? OPENAI + ":gpt-4.1" : "",
          anthropic ? ANTHROPIC + ":claude-sonnet-4-5" : "").filter(m -> !m.isEmpty()).toList());
    }

    /** The spec's chain a step down, for the simpler steps: each provider's faster model. */
    private static String cheapChain(boolean openAi, boolean anthropic) {
      return String.join(",", Stream.of(anthropic ? ANTHROPIC + ":claude-sonnet-4-5" : "", openAi ? OPENAI + ":gpt-4.1-mini" : "",
          anthropic ? ANTHROPIC + ":claude-haiku-4-5" : "").filter(m -> !m.isEmpty()).toList());
    }

    /** A key from {@code NAME}, or from the file {@code NAME_FILE} names; "" for none. */
    static String key(Settings s, String name) {
      String key = s.text(name, "");
      String file = s.text(name + "_FILE", "");
      if (key.isEmpty() && !file.isEmpty()) {
        try {
          return Files.readString(Path.of(file)).strip();
        } catch (IOException e) {
          throw new IllegalArgumentException(name + "_FILE cannot be read: " + file);
        }
      }
      return key;
    }

    static URI baseUrl(String base) {
      return URI.create(base.endsWith("/") ? base : base + "/");
    }

    /** The provider part of a {@code provider:model} entry; "" for an entry with no provider, which validation refuses. */
    public static String provider(String entry) {
      return entry.contains(":") ? entry.substring(0, entry.indexOf(':')) : "";
    }

    /** The model part of a {@code provider:model} entry. */
    public static String model(String entry) {
      return entry.substring(entry.indexOf(':') + 1);
    }

    @Override
    public String toString() {
      return "ProviderSettings[parseModels=" + parseModels + ", planModels=" + planModels + ", media=" + media + ", embeddings=" + embeddings + ", openAiKey=****, openAiBaseUrl="
          + openAiBaseUrl + ", anthropicKey=****, anthropicBaseUrl=" + anthropicBaseUrl + ", timeout=" + timeout + ", attempts="
          + attempts + ", concurrency=" + concurrency + ", breakerFailures=" + breakerFailures + ", breakerCooldown=" + breakerCooldown
          + "]";
    }
  }

  /**
   * Remote pictures and voices, each a fallback chain ending in the local illustrator and voices:
   * {@code KRAG_IMAGE_MODELS} ({@code replicate:sdxl[:<version>]}, {@code openai:dall-e-3},
   * {@code openai:gpt-image-1}) and {@code KRAG_VOICES} ({@code elevenlabs:<model>/<voice id>},
   * {@code openai:<model>/<voice>}). By default the platform spec's chains over the keys given:
   * Replicate's SDXL then DALL·E 3, ElevenLabs then OpenAI's tts-1; nothing without keys. Keys
   * come from {@code REPLICATE_API_TOKEN} and {@code ELEVENLABS_API_KEY} (or their {@code _FILE}s)
   * and OpenAI's key; a base URL setting points at another endpoint of each API.
   */
  public record MediaSettings(List<String> imageModels, List<String> voices, String replicateToken, URI replicateBaseUrl,
      String elevenLabsKey, URI elevenLabsBaseUrl, double stability, double similarityBoost, double style, Duration assetCacheTtl) {

    public static final String REPLICATE = "replicate";
    public static final String ELEVENLABS = "elevenlabs";
    /** ElevenLabs' premade voice "Rachel", a calm narrator. */
    static final String DEFAULT_ELEVENLABS_VOICE = "eleven_multilingual_v2/21m00Tcm4TlvDq8ikWAM";

    static MediaSettings of(Settings s, boolean openAi) {
      String replicateToken = ProviderSettings.key(s, "REPLICATE_API_TOKEN");
      String elevenLabsKey = ProviderSettings.key(s, "ELEVENLABS_API_KEY");
      List<String> images = ProviderSettings.chain(s.text("KRAG_IMAGE_MODELS", String.join(",", Stream.of(
          replicateToken.isEmpty() ? "" : REPLICATE + ":sdxl", openAi ? ProviderSettings.OPENAI + ":dall-e-3" : "")
          .filter(m -> !m.isEmpty()).toList())));
      List<String> voices = ProviderSettings.chain(s.text("KRAG_VOICES", String.join(",", Stream.of(
          elevenLabsKey.isEmpty() ? "" : ELEVENLABS + ":" + DEFAULT_ELEVENLABS_VOICE, openAi ? ProviderSettings.OPENAI + ":tts-1/alloy" : "")
          .filter(m -> !m.isEmpty()).toList())));
      for (String image : images) {
        String provider = ProviderSettings.provider(image);
        require(image.startsWith(REPLICATE + ":sdxl") || image.equals(ProviderSettings.OPENAI + ":dall-e-3")
            || image.equals(ProviderSettings.OPENAI + ":gpt-image-1"),
            "KRAG_IMAGE_MODELS entries are replicate:sdxl[:<version>], openai:dall-e-3 or openai:gpt-image-1, not '" + image + "'");
        require(!provider.equals(REPLICATE) || !replicateToken.isEmpty(), "REPLICATE_API_TOKEN is needed for " + image);
        require(!provider.equals(ProviderSettings.OPENAI) || openAi, "OPENAI_API_KEY is needed for " + image);
      }
      for (String voice : voices) {
        String provider = ProviderSettings.provider(voice);
        require((provider.equals(ELEVENLABS) || provider.equals(ProviderSettings.OPENAI)) && voice.indexOf('/') > provider.length() + 1
            && !voice.endsWith("/"), "KRAG_VOICES entries are elevenlabs:<model>/<voice id> or openai:<model>/<voice>, not '" + voice + "'");
        require(!provider.equals(ELEVENLABS) || !elevenLabsKey.isEmpty(), "ELEVENLABS_API_KEY is needed for " + voice);
        require(!provider.equals(ProviderSettings.OPENAI) || openAi, "OPENAI_API_KEY is needed for " + voice);
      }
      int cacheHours = s.integer("KRAG_ASSET_CACHE_HOURS", (int) AssetCache.DEFAULT_TTL.toHours());
      require(cacheHours >= 0, "KRAG_ASSET_CACHE_HOURS must be zero (no cache) or more");
      return new MediaSettings(images, voices, replicateToken, ProviderSettings.baseUrl(s.text("REPLICATE_BASE_URL", "https://api.replicate.com/")),
          elevenLabsKey, ProviderSettings.baseUrl(s.text("ELEVENLABS_BASE_URL", "https://api.elevenlabs.io/")),
          s.decimal("KRAG_ELEVENLABS_STABILITY", 0.5), s.decimal("KRAG_ELEVENLABS_SIMILARITY_BOOST", 0.75),
          s.decimal("KRAG_ELEVENLABS_STYLE", 0.0), Duration.ofHours(cacheHours));
    }

    @Override
    public String toString() {
      return "MediaSettings[imageModels=" + imageModels + ", voices=" + voices + ", replicateToken=****, replicateBaseUrl="
          + replicateBaseUrl + ", elevenLabsKey=****, elevenLabsBaseUrl=" + elevenLabsBaseUrl + ", stability=" + stability
          + ", similarityBoost=" + similarityBoost + ", style=" + style + ", assetCacheTtl=" + assetCacheTtl + "]";
    }
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /**
   * The API's security: JWTs it trusts ({@code KRAG_JWT_ISSUER}, {@code KRAG_JWT_AUDIENCE},
   * {@code KRAG_JWT_HS256_SECRET}, {@code KRAG_JWT_RS256_PUBLIC_KEY_FILE}; none unless set), the
   * file that holds the admin key made at first start ({@code KRAG_ADMIN_KEY_FILE}, else
   * {@code <out>/secrets/admin.key}), the rate limit per principal ({@code KRAG_RATE_LIMIT_PER_MINUTE},
   * {@code KRAG_RATE_LIMIT_BURST}; shared through {@code REDIS_URL} when set, else per instance) and the
   * quotas per principal ({@code KRAG_QUOTA_CONCURRENT_RUNS}, {@code KRAG_QUOTA_DAILY_USD}).
   */
  public record SecuritySettings(JwtVerifier.JwtSettings jwt, Optional<Path> adminKeyFile, RateLimit rateLimit, String redisUrl,
      Quotas quotas) {

    static SecuritySettings of(Settings s) {
      Optional<String> publicKey = Optional.ofNullable(s.text("KRAG_JWT_RS256_PUBLIC_KEY_FILE", null)).map(file -> {
        try {
          return Files.readString(Path.of(file));
        } catch (IOException e) {
          throw new IllegalArgumentException("KRAG_JWT_RS256_PUBLIC_KEY_FILE cannot be read: " + e.getMessage(), e);
        }
      });
      return new SecuritySettings(new JwtVerifier.JwtSettings(s.text("KRAG_JWT_ISSUER", "krag"), s.text("KRAG_JWT_AUDIENCE", "krag-api"),
          Optional.ofNullable(s.text("KRAG_JWT_HS256_SECRET", null)), publicKey),
          Optional.ofNullable(s.text("KRAG_ADMIN_KEY_FILE", null)).map(Path::of),
          new RateLimit(s.integer("KRAG_RATE_LIMIT_PER_MINUTE", 600), s.integer("KRAG_RATE_LIMIT_BURST", 60)),
          s.text("REDIS_URL", ""),
          new Quotas(s.integer("KRAG_QUOTA_CONCURRENT_RUNS", 4), s.decimal("KRAG_QUOTA_DAILY_USD", 25.0)));
    }

    @Override
    public String toString() {
      return "SecuritySettings[issuer=" + jwt.issuer() + ", audience=" + jwt.audience() + ", hs256=" + jwt.hs256Secret().map(x -> "***")
          .orElse("off") + ", rs256=" + (jwt.rs256PublicKey().isPresent() ? "on" : "off") + ", adminKeyFile=" + adminKeyFile
          + ", rateLimit=" + rateLimit + ", redis=" + (redisUrl.isEmpty() ? "none" : redisUrl.replaceAll("//[^@/]*@", "//***@")) + ", quotas=" + quotas + "]";
    }
  }

  /** Where the admin key made at first start is kept. */
  public Path adminKeyFile() {
    return security.adminKeyFile().orElse(outDir.resolve("secrets").resolve("admin.key"));
  }

  /** Reads typed values, naming the variable when one does not parse. */
  private record Settings(Function<String, String> env) {
    String text(String name, String fallback) {
      String v = env.apply(name);
      return v == null || v.isBlank() ? fallback : v.strip();
    }

    int integer(String name, int fallback) {
      String v = text(name, null);
      try {
        return v == null ? fallback : Integer.parseInt(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " must be a whole number, not '" + v + "'");
      }
    }

    boolean flag(String name, boolean fallback) {
      String v = text(name, null);
      if (v == null) {
        return fallback;
      }
      return switch (v.toLowerCase(java.util.Locale.ROOT)) {
        case "true", "on", "yes", "1" -> true;
        case "false", "off", "no", "0" -> false;
        default -> throw new IllegalArgumentException(name + " must be on or off, not '" + v + "'");
      };
    }

    double decimal(String name, double fallback) {
      Double v = optionalDecimal(name);
      return v == null ? fallback : v;
    }

    /** Null when unset. */
    Double optionalDecimal(String name) {
      String v = text(name, null);
      try {
        return v == null ? null : Double.valueOf(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " must be a number, not '" + v + "'");
      }
    }
  }
}
