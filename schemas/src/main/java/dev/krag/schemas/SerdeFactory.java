package dev.krag.schemas;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Hands out the key and value serdes of a topic. Built once and injected: topologies, producers
 * and tests all get their serdes here, never by configuring one themselves.
 */
public abstract class SerdeFactory {

  private final Map<Class<?>, Serde<?>> valueSerdes = new ConcurrentHashMap<>();

  /** The serde of the topic's keys: plain UTF-8 strings, or raw bytes for the DLQ. */
  public <K> Serde<K> keySerde(Topic<K, ?> topic) {
    return plain(topic.keyType());
  }

  /** The serde of the topic's values: Avro records through the factory's format. */
  public <V> Serde<V> valueSerde(Topic<?, V> topic) {
    return valueSerde(topic.valueType());
  }

  /**
   * The serde of one record type wherever it is stored, e.g. in a state store; it reads only
   * records of that type.
   */
  @SuppressWarnings("unchecked")
  public <V> Serde<V> valueSerde(Class<V> type) {
    if (!SpecificRecord.class.isAssignableFrom(type)) {
      return plain(type);
    }
    return (Serde<V>) valueSerdes.computeIfAbsent(type, t -> typed(avroSerde((Class<? extends SpecificRecord>) t), t));
  }

  @SuppressWarnings("unchecked")
  private static <V> Serde<V> typed(Serde<? extends SpecificRecord> serde, Class<V> type) {
    Serde<V> avro = (Serde<V>) serde;
    return Serdes.serdeFrom(avro.serializer(), new TypedDeserializer<>(avro.deserializer(), type));
  }

  /** A configured value serde for one generated Avro class. */
  protected abstract <V extends SpecificRecord> Serde<V> avroSerde(Class<V> type);

  @SuppressWarnings("unchecked")
  private static <T> Serde<T> plain(Class<T> type) {
    if (type == String.class) {
      return (Serde<T>) Serdes.String();
    }
    if (type == byte[].class) {
      return (Serde<T>) Serdes.ByteArray();
    }
    throw new IllegalArgumentException("no plain serde for " + type.getName());
  }
}
