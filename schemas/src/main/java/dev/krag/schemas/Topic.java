package dev.krag.schemas;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;

/**
 * One topic of the catalogue: its name, the types of its keys and values, and how it is laid out.
 *
 * @param retention how long records are kept; {@code null} keeps them forever
 */
public record Topic<K, V>(
    String name,
    Class<K> keyType,
    Class<V> valueType,
    int partitions,
    Cleanup cleanup,
    Duration retention) {

  /** How the broker reclaims space: delete old segments, or keep the newest record per key. */
  public enum Cleanup {
    DELETE(TopicConfig.CLEANUP_POLICY_DELETE),
    COMPACT(TopicConfig.CLEANUP_POLICY_COMPACT);

    private final String policy;

    Cleanup(String policy) {
      this.policy = policy;
    }
  }

  /** The topic-level configuration to create the topic with. */
  public Map<String, String> config() {
    long retentionMs = retention == null ? -1 : retention.toMillis();
    return Map.of(
        TopicConfig.CLEANUP_POLICY_CONFIG, cleanup.policy,
        TopicConfig.RETENTION_MS_CONFIG, Long.toString(retentionMs));
  }

  @Override
  public String toString() {
    return name;
  }
}
