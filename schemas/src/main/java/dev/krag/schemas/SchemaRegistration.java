package dev.krag.schemas;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * Registers and looks up every schema krag writes, once, before any stream thread starts: a stream
 * thread then never waits on the registry inside a transaction, and a registry that is down is
 * found at start-up rather than mid-run.
 */
public final class SchemaRegistration {

  private SchemaRegistration() {}

  /** @param topics each topic name with the record type its values carry (catalogue topics and store changelogs) */
  public static void registerAll(SerdeFactory serdes, Map<String, Class<? extends SpecificRecord>> topics) {
    topics.forEach((topic, type) -> roundTrip(serdes, topic, type));
  }

  /** Every catalogue topic whose values are Avro records, with their type. */
  public static Map<String, Class<? extends SpecificRecord>> catalogue() {
    Map<String, Class<? extends SpecificRecord>> topics = new LinkedHashMap<>();
    for (Topic<?, ?> topic : Topics.all()) {
      if (SpecificRecord.class.isAssignableFrom(topic.valueType())) {
        topics.put(topic.name(), topic.valueType().asSubclass(SpecificRecord.class));
      }
    }
    return topics;
  }

  private static <T extends SpecificRecord> void roundTrip(SerdeFactory serdes, String topic, Class<T> type) {
    Serde<T> serde = serdes.valueSerde(type);
    T sample = AvroSamples.of(type);
    T back = serde.deserializer().deserialize(topic, serde.serializer().serialize(topic, sample));
    if (!sample.equals(back)) {
      throw new IllegalStateException("the registry gave back a different " + type.getSimpleName() + " on " + topic);
    }
  }
}
