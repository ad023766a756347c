package dev.krag.api;

import dev.krag.schemas.CostEvent;
import dev.krag.schemas.RunEvent;
import dev.krag.schemas.SerdeFactory;
import dev.krag.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run-events and costs topics read from their ends by one consumer per API instance (no
 * group: every instance sees every run's news), handed to whoever watches the run.
 */
public final class KafkaRunNews implements RunNews, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(KafkaRunNews.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private final KafkaConsumer<String, byte[]> consumer;
  private final SerdeFactory serdes;
  private final Map<String, Set<Consumer<News>>> watchers = new ConcurrentHashMap<>();
  private final Thread reader;

  public KafkaRunNews(String bootstrapServers, SerdeFactory serdes) {
    this.serdes = serdes;
    this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = Stream.of(Topics.RUN_EVENTS.name(), Topics.COSTS.name())
        .flatMap(topic -> consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())))
        .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // fixes "now" before anyone subscribes
    reader = Thread.ofPlatform().name("krag-api-run-news").daemon().start(this::read);
  }

  @Override
  public Subscription subscribe(String runId, Consumer<News> listener) {
    watchers.computeIfAbsent(runId, id -> new CopyOnWriteArraySet<>()).add(listener);
    return () -> watchers.computeIfPresent(runId, (id, set) -> {
      set.remove(listener);
      return set.isEmpty() ? null : set;
    });
  }

  private void read() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          Set<Consumer<News>> listeners = watchers.get(record.key());
          if (listeners != null && record.value() != null) {
            News news = news(record);
            if (news != null) {
              listeners.forEach(listener -> listener.accept(news));
            }
          }
        }
      }
    } catch (WakeupException e) {
      // closing
    } finally {
      consumer.close();
    }
  }

  /** The record as news, or null for one no serde can read (the stages have dead-lettered it already). */
  private News news(ConsumerRecord<String, byte[]> record) {
    try {
      return record.topic().equals(Topics.COSTS.name())
          ? new News.Cost(serdes.valueSerde(CostEvent.class).deserializer().deserialize(record.topic(), record.value()))
          : new News.Happened(serdes.valueSerde(RunEvent.class).deserializer().deserialize(record.topic(), record.value()));
    } catch (RuntimeException e) {
      log.warn("unreadable record at {}-{}@{} not sent to watchers: {}", record.topic(), record.partition(), record.offset(), e.toString());
      return null;
    }
  }

  @Override
  public void close() {
    consumer.wakeup();
    try {
      reader.join(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
