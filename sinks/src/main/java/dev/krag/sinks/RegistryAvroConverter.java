package dev.krag.sinks;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import java.util.Map;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;

/**
 * Reads krag's records for sink connectors: registry-framed Avro (a zero byte, the schema's
 * content id, the binary), as krag's producers write it, into Connect data. Apicurio's own
 * converter of the 3.0 line does not link against the 3.1 serdes krag uses, so this wraps the
 * same deserializer the stages read with. A record it cannot read is a {@link DataException}, which
 * the worker sends to the connector's dead-letter topic. It only reads: sinks never write Avro.
 */
public final class RegistryAvroConverter implements Converter {

  /**
   * The one record type the connector's table is made of (an Avro full name), if set. A record of
   * another type on the topic is valid Avro, but the JDBC sink would try to reshape the table to it
   * and stop for good; refused here, it goes to the dead-letter topic instead.
   */
  public static final String RECORD_TYPE = "krag.record.type";

  private final AvroKafkaDeserializer<Object> deserializer = new AvroKafkaDeserializer<>();
  private final AvroConnectData data = new AvroConnectData();
  /** The worker makes converters only to validate a configuration and closes them unconfigured. */
  private boolean configured;
  private String recordType;

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    deserializer.configure(configs, isKey);
    recordType = (String) configs.get(RECORD_TYPE);
    configured = true;
  }

  @Override
  public SchemaAndValue toConnectData(String topic, byte[] value) {
    return toConnectData(topic, null, value);
  }

  @Override
  public SchemaAndValue toConnectData(String topic, Headers headers, byte[] value) {
    if (value == null) {
      return SchemaAndValue.NULL; // a tombstone: the row goes
    }
    Object avro;
    try {
      avro = headers == null ? deserializer.deserialize(topic, value) : deserializer.deserialize(topic, headers, value);
    } catch (RuntimeException e) {
      throw new DataException("not registry-framed Avro on " + topic + ": " + e.getMessage(), e);
    }
    if (!(avro instanceof GenericContainer container)) {
      throw new DataException("not an Avro record on " + topic + ": " + (avro == null ? "null" : avro.getClass().getName()));
    }
    String type = container.getSchema().getFullName();
    if (recordType != null && !recordType.equals(type)) {
      throw new DataException("a " + type + " on " + topic + ", where the sink writes " + recordType + " records only");
    }
    Schema schema = data.schema(container.getSchema());
    return new SchemaAndValue(schema, data.value(schema, container.getSchema(), avro));
  }

  @Override
  public byte[] fromConnectData(String topic, Schema schema, Object value) {
    throw new UnsupportedOperationException("krag's Avro converter only reads, for sink connectors");
  }

  @Override
  public void close() {
    if (configured) {
      deserializer.close();
    }
  }
}
