package dev.krag.sinks;

import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * Writes a run's artifacts (scene graph, shot plan, feedback) as JSON objects to S3 at
 * {@code artifacts/{run_id}/…}. Run it with the byte-array value converter: the task reads krag's
 * registry-framed Avro itself, to write the same JSON krag's own tools print.
 */
public final class S3ArtifactSinkConnector extends SinkConnector {

  static final String ENDPOINT = "s3.endpoint";
  static final String REGION = "s3.region";
  static final String BUCKET = "s3.bucket";
  static final String ACCESS_KEY = "s3.access.key";
  static final String SECRET_KEY = "s3.secret.key";
  static final String REGISTRY_URL = "apicurio.registry.url";
  /** How long a batch waits before it is tried again after S3 failed. */
  static final String RETRY_BACKOFF_MS = "retry.backoff.ms";

  /** The jar's version where its manifest says it. */
  static final String VERSION = Objects.requireNonNullElse(S3ArtifactSinkConnector.class.getPackage().getImplementationVersion(),
      "development");

  static final ConfigDef CONFIG = new ConfigDef()
      .define(ENDPOINT, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, S3ArtifactSinkConnector::httpUrl, Importance.HIGH,
          "The S3 server, e.g. https://s3.eu-west-1.amazonaws.com or http://minio:9000 (path-style addressing).")
      .define(REGION, Type.STRING, "us-east-1", Importance.MEDIUM, "The bucket's region.")
      .define(BUCKET, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH, "The bucket.")
      .define(ACCESS_KEY, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH, "The access key id.")
      .define(SECRET_KEY, Type.PASSWORD, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH, "The secret access key.")
      .define(REGISTRY_URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
          "The Apicurio registry's API, to read the records' schemas.")
      .define(RETRY_BACKOFF_MS, Type.LONG, 2_000L, ConfigDef.Range.atLeast(0), Importance.LOW,
          "How long to wait before writing a batch again after S3 failed.");

  private Map<String, String> settings;

  private static void httpUrl(String name, Object value) {
    String text = String.valueOf(value);
    try {
      String scheme = URI.create(text).getScheme();
      if ("http".equals(scheme) || "https".equals(scheme)) {
        return;
      }
    } catch (IllegalArgumentException e) {
      // reported below, with the value
    }
    throw new ConfigException(name, value, "must be an http(s) URL such as http://minio:9000");
  }

  @Override
  public void start(Map<String, String> props) {
    CONFIG.parse(props); // a bad configuration fails here, before any task starts
    settings = Map.copyOf(props);
  }

  @Override
  public Class<? extends Task> taskClass() {
    return S3ArtifactSinkTask.class;
  }

  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    return Collections.nCopies(maxTasks, settings);
  }

  @Override
  public void stop() {}

  @Override
  public ConfigDef config() {
    return CONFIG;
  }

  @Override
  public String version() {
    return VERSION;
  }
}
