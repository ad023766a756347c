package dev.krag.api;

import dev.krag.schemas.SerdeFactory;
import dev.krag.schemas.Topic;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Writes records to catalogue topics with their own serdes; idempotent, acknowledged by all replicas. */
public final class Publisher implements AutoCloseable {

  private final KafkaProducer<byte[], byte[]> producer;
  private final SerdeFactory serdes;

  public Publisher(String bootstrapServers, SerdeFactory serdes) {
    this.serdes = serdes;
    this.producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
        new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** Sends and waits for the broker's acknowledgement. */
  public <K, V> void send(Topic<K, V> topic, K key, V value) throws ExecutionException, InterruptedException {
    byte[] k = serdes.keySerde(topic).serializer().serialize(topic.name(), key);
    byte[] v = serdes.valueSerde(topic).serializer().serialize(topic.name(), value);
    producer.send(new ProducerRecord<>(topic.name(), k, v)).get();
  }

  @Override
  public void close() {
    producer.close();
  }
}
