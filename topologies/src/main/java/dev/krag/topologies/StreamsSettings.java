package dev.krag.topologies;

import dev.krag.topologies.errors.DeadLetterDeserializationHandler;
import dev.krag.topologies.errors.DeadLetterProcessingHandler;
import dev.krag.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * How krag's Streams applications connect and run.
 *
 * @param bootstrapServers the Kafka cluster
 * @param stateDir where state stores live on this instance
 * @param stageThreads stream threads of the heavy stages (the generation parallelism of one instance)
 * @param replicationFactor of internal topics; 1 only for a single broker
 * @param applicationServer {@code host:port} of this instance's API, for interactive-query routing; empty if none
 * @param instanceId this instance's static group membership name; empty for dynamic membership
 * @param longestRecord the longest one record may take (an edit of a long story), before the group evicts the worker
 * @param standbyReplicas warm copies of each state store on other instances, so a failover does not replay a changelog
 * @param rack this instance's rack or zone; empty for none
 */
public record StreamsSettings(String bootstrapServers, Path stateDir, int stageThreads, int replicationFactor,
    String applicationServer, String instanceId, Duration longestRecord, int standbyReplicas, String rack) {

  /** The client tag that names an instance's rack, so standbys are placed in another. */
  static final String RACK_TAG = "rack";

  /** Bookkeeping: exactly once, short commits so the runs topic follows closely. */
  public Properties bookkeeping(String applicationId) {
    Properties p = common(applicationId);
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    return p;
  }

  /**
   * Heavy stages: at least once, outside transactions (a render must not hold one open), one record
   * per poll so a long render never delays a committed offset of another.
   */
  public Properties stages(String applicationId) {
    Properties p = common(applicationId);
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, stageThreads);
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 1);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG), (int) longestRecord.toMillis());
    // The bookkeeping writes edit requests and refined shot tasks in transactions: never act on an aborted one.
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG), "read_committed");
    return p;
  }

  private Properties common(String applicationId) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve(applicationId).toString());
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replicationFactor);
    p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DLQ.name());
    p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, standbyReplicas);
    if (!rack.isBlank()) {
      // Standbys go to another rack, tasks stay near their partitions' replicas, and fetches read the nearest replica.
      p.put(StreamsConfig.clientTagPrefix(RACK_TAG), rack);
      p.put(StreamsConfig.RACK_AWARE_ASSIGNMENT_TAGS_CONFIG, RACK_TAG);
      p.put(StreamsConfig.RACK_AWARE_ASSIGNMENT_STRATEGY_CONFIG, StreamsConfig.RACK_AWARE_ASSIGNMENT_STRATEGY_MIN_TRAFFIC);
      p.put(StreamsConfig.consumerPrefix(ConsumerConfig.CLIENT_RACK_CONFIG), rack);
    }
    if (!applicationServer.isBlank()) {
      p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
    }
    // A restarted instance with the same name takes back its tasks without a rebalance or the
    // session timeout's wait (Streams names each thread's member after it).
    if (!instanceId.isBlank()) {
      p.put(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), instanceId);
    }
    return p;
  }
}
