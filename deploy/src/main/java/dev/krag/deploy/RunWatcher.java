package dev.krag.deploy;

import dev.krag.schemas.Run;
import dev.krag.schemas.RunEvent;
import dev.krag.schemas.SerdeFactory;
import dev.krag.schemas.Topic;
import dev.krag.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one run on the runs and run-events topics (committed records only), from the moment it is
 * opened, so nothing the run does after its request is missed. Both topics are keyed by run id, so
 * it reads only its run's records; one it cannot read is passed over (the bookkeeping dead-letters
 * it), not fatal to the watch.
 */
public final class RunWatcher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RunWatcher.class);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final SerdeFactory serdes;

  public RunWatcher(String bootstrapServers, SerdeFactory serdes) {
    this.serdes = serdes;
    this.consumer = runTopicsConsumer(bootstrapServers);
    Set<TopicPartition> partitions = consumer.assignment();
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // fix the positions now, before the run is requested
  }

  /** A consumer of committed records, assigned every partition of the runs and run-events topics. */
  public static KafkaConsumer<byte[], byte[]> runTopicsConsumer(String bootstrapServers) {
    return committedReader(bootstrapServers, List.of(Topics.RUNS, Topics.RUN_EVENTS));
  }

  /** A consumer of committed records, assigned every partition of {@code topics}. */
  public static KafkaConsumer<byte[], byte[]> committedReader(String bootstrapServers, List<Topic<?, ?>> topics) {
    KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    for (Topic<?, ?> topic : topics) {
      consumer.partitionsFor(topic.name()).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
    }
    consumer.assign(partitions);
    return consumer;
  }

  /** What the watcher saw of the run when it stopped watching. */
  public record Outcome(Run run, boolean timedOut, String reason) {}

  /**
   * Waits until the run completes or fails, or until it takes too long or goes quiet for too long.
   */
  public Outcome await(String runId, Duration timeout, Duration stall, Consumer<RunEvent> onEvent) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long lastNews = System.nanoTime();
    Run last = null;
    while (true) {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
        if (record.key() == null || !runId.equals(new String(record.key(), StandardCharsets.UTF_8))) {
          continue;
        }
        try {
          if (record.topic().equals(Topics.RUNS.name())) {
            Run run = serdes.valueSerde(Topics.RUNS).deserializer().deserialize(record.topic(), record.headers(), record.value());
            if (run != null) {
              last = run;
              lastNews = System.nanoTime();
            }
          } else {
            RunEvent event = serdes.valueSerde(Topics.RUN_EVENTS).deserializer().deserialize(record.topic(), record.headers(), record.value());
            if (event != null) {
              onEvent.accept(event);
              lastNews = System.nanoTime();
            }
          }
        } catch (RuntimeException e) {
          LOG.warn("passing over an unreadable record of run {} at {}-{}@{}: {}", runId, record.topic(), record.partition(),
              record.offset(), e.toString());
        }
      }
      if (last != null && dev.krag.topologies.bookkeeping.RunStateAggregator.isFinished(last)) {
        return new Outcome(last, false, "");
      }
      long now = System.nanoTime();
      if (now > deadline) {
        return new Outcome(last, true, "the run did not finish within " + timeout);
      }
      if (now - lastNews > stall.toNanos()) {
        return new Outcome(last, true, "no news of the run for " + stall);
      }
    }
  }

  @Override
  public void close() {
    consumer.close();
  }
}
