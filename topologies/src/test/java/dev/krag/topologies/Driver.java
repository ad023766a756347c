package dev.krag.topologies;

import dev.krag.schemas.PlainAvroSerdeFactory;
import dev.krag.schemas.SerdeFactory;
import dev.krag.schemas.Topic;
import dev.krag.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;

/** A TopologyTestDriver with krag's configuration, and typed topics from the catalogue. */
public final class Driver implements AutoCloseable {

  public static final SerdeFactory SERDES = new PlainAvroSerdeFactory();

  private final TopologyTestDriver driver;

  private Driver(TopologyTestDriver driver) {
    this.driver = driver;
  }

  public static Driver stages(Topology topology, Path stateDir) {
    return new Driver(new TopologyTestDriver(topology, settings(stateDir).stages("test-stages")));
  }

  public static Driver bookkeeping(Topology topology, Path stateDir) {
    return new Driver(new TopologyTestDriver(topology, settings(stateDir).bookkeeping("test-bookkeeping")));
  }

  private static StreamsSettings settings(Path stateDir) {
    return new StreamsSettings("dummy:9092", stateDir, 1, 1, "", "", Duration.ofMinutes(5), 0, "");
  }

  public <K, V> TestInputTopic<K, V> input(Topic<K, V> topic) {
    return driver.createInputTopic(topic.name(), SERDES.keySerde(topic).serializer(), SERDES.valueSerde(topic).serializer());
  }

  public <K, V> TestOutputTopic<K, V> output(Topic<K, V> topic) {
    return driver.createOutputTopic(topic.name(), SERDES.keySerde(topic).deserializer(), SERDES.valueSerde(topic).deserializer());
  }

  /** Raw bytes onto a topic: what a producer that ignores the contract would send. */
  public TestInputTopic<byte[], byte[]> rawInput(Topic<?, ?> topic) {
    return driver.createInputTopic(topic.name(), SERDES.keySerde(Topics.DLQ).serializer(), SERDES.valueSerde(Topics.DLQ).serializer());
  }

  public <V> V storeValue(String store, String key) {
    return driver.<String, V>getKeyValueStore(store).get(key);
  }

  @Override
  public void close() {
    driver.close();
  }
}
