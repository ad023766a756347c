package dev.krag.deploy.reliability;

import dev.krag.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The floor of a pipeline's throughput on a broker: a Kafka Streams application that does nothing
 * but pass records along a chain of topics, exactly once, as krag's bookkeeping commits. It moves
 * as many records, of the same mean size, through as many topics as a batch of runs did, so the
 * two times compare what krag's stages add to Kafka's own cost.
 */
final class PassThrough {

  private static final Duration DONE = Duration.ofMinutes(30);

  private PassThrough() {}

  /** Until every partition of these new topics has a leader: a record sent before may be refused and retried out of order. */
  private static void awaitLeaders(Admin admin, List<String> topics) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (!admin.describeTopics(topics).allTopicNames().get().values().stream()
        .allMatch(t -> t.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the pass-through's topics have no leaders after a minute");
      }
      Thread.sleep(100);
    }
  }

  /** The seconds from the first record written to the chain's head until every one has left its tail. */
  static double seconds(String bootstrapServers, Path stateDir, int topics, long records, int meanBytes) throws Exception {
    List<String> chain = IntStream.range(0, topics).mapToObj(i -> "bench.pass-through." + i).toList();
    long entering = Math.max(1, records / topics);
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      admin.createTopics(chain.stream().map(t -> new NewTopic(t, Topics.RUN_PARTITIONS, (short) 1)).toList()).all().get();
      awaitLeaders(admin, chain);
    }
    StreamsBuilder builder = new StreamsBuilder();
    for (int i = 0; i + 1 < chain.size(); i++) {
      builder.stream(chain.get(i), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("from-" + i))
          .to(chain.get(i + 1), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("to-" + (i + 1)));
    }
    Properties settings = new Properties();
    settings.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-pass-through");
    settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    settings.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    settings.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    settings.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    settings.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    try (KafkaStreams streams = new KafkaStreams(builder.build(), settings);
         KafkaConsumer<byte[], byte[]> tail = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
             ConsumerConfig.GROUP_ID_CONFIG, "bench-pass-through-tail", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
             ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer());
         // Not idempotent: on this embedded broker an idempotent producer's first burst into new
         // topics was refused for good (out-of-order sequence numbers); a record written twice on a
         // retry only makes the floor a little slower.
         KafkaProducer<byte[], byte[]> head = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
             ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false, ProducerConfig.ACKS_CONFIG, "all"),
             new ByteArraySerializer(), new ByteArraySerializer())) {
      streams.start();
      tail.subscribe(List.of(chain.getLast()));
      long started = System.nanoTime();
      byte[] value = new byte[meanBytes];
      for (long i = 0; i < entering; i++) {
        head.send(new ProducerRecord<>(chain.getFirst(), ("run-" + i).getBytes(), value));
      }
      head.flush();
      long seen = 0;
      long deadline = started + DONE.toNanos();
      while (seen < entering) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the pass-through moved " + seen + " of " + entering + " records in " + DONE);
        }
        seen += tail.poll(Duration.ofMillis(100)).count();
      }
      return (System.nanoTime() - started) / 1e9;
    }
  }
}
