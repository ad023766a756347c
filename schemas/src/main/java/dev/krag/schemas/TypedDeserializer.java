package dev.krag.schemas;

import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Refuses a record that reads as Avro but is another topic's type. The registry's deserializer
 * reads any record by its writer's schema, so without this a well-formed record of the wrong type
 * would surface as a cast failure inside a processor, which Kafka Streams treats as a bug and
 * stops the thread for; refused here, it is bad input and goes to the dead-letter topic.
 */
final class TypedDeserializer<V> implements Deserializer<V> {

  private final Deserializer<V> reader;
  private final Class<V> type;

  TypedDeserializer(Deserializer<V> reader, Class<V> type) {
    this.reader = reader;
    this.type = type;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    reader.configure(configs, isKey);
  }

  @Override
  public V deserialize(String topic, byte[] data) {
    return checked(topic, reader.deserialize(topic, data));
  }

  @Override
  public V deserialize(String topic, Headers headers, byte[] data) {
    return checked(topic, reader.deserialize(topic, headers, data));
  }

  private V checked(String topic, Object value) {
    if (value != null && !type.isInstance(value)) {
      throw new SerializationException("a " + value.getClass().getSimpleName() + " on " + topic + ", where a " + type.getSimpleName()
          + " belongs");
    }
    return type.cast(value);
  }

  @Override
  public void close() {
    reader.close();
  }
}
