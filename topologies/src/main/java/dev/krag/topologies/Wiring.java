package dev.krag.topologies;

import dev.krag.schemas.SerdeFactory;
import dev.krag.schemas.Topic;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.Topology;

/** Adds topics to a topology under names derived from the catalogue, one convention for all. */
public final class Wiring {

  private final Topology topology;
  private final SerdeFactory serdes;

  public Wiring(Topology topology, SerdeFactory serdes) {
    this.topology = topology;
    this.serdes = serdes;
  }

  /** The node that reads a topic: {@code from-<topic>}. */
  public static String sourceName(Topic<?, ?> topic) {
    return "from-" + topic.name();
  }

  /** The node that writes a topic: {@code to-<topic>}. Processors forward to it by this name. */
  public static String sinkName(Topic<?, ?> topic) {
    return "to-" + topic.name();
  }

  public String source(Topic<?, ?> topic) {
    topology.addSource(sourceName(topic), serdes.keySerde(topic).deserializer(), serdes.valueSerde(topic).deserializer(),
        topic.name());
    return sourceName(topic);
  }

  @SuppressWarnings("unchecked")
  public <K, V> void sink(Topic<K, V> topic, String... parents) {
    topology.addSink(sinkName(topic), topic.name(), (Serializer<Object>) serdes.keySerde(topic).serializer(),
        (Serializer<Object>) serdes.valueSerde(topic).serializer(), parents);
  }
}
