package dev.krag.sinks;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Turns the named fields of a record's value (a map, a struct, an array) into JSON text tagged for
 * a JSONB column. Debezium's JDBC sink has no column type for a nested struct and writes a map as
 * hstore; a string named {@code io.debezium.data.Json} with the source column type JSONB it binds
 * as {@code cast(? as jsonb)}.
 */
public final class JsonbFields<R extends ConnectRecord<R>> implements Transformation<R> {

  public static final String FIELDS = "fields";
  static final String JSON_SCHEMA_NAME = "io.debezium.data.Json";
  static final String COLUMN_TYPE = "__debezium.source.column.type";

  private static final ConfigDef CONFIG = new ConfigDef()
      .define(FIELDS, ConfigDef.Type.LIST, ConfigDef.Importance.HIGH, "value fields written as JSONB");
  private static final Schema JSON = SchemaBuilder.string().optional().name(JSON_SCHEMA_NAME).parameter(COLUMN_TYPE, "JSONB").build();

  private final JsonConverter json = new JsonConverter();
  private List<String> fields = List.of();

  @Override
  public void configure(Map<String, ?> configs) {
    fields = new org.apache.kafka.common.config.AbstractConfig(CONFIG, configs).getList(FIELDS);
    json.configure(Map.of(JsonConverterConfig.SCHEMAS_ENABLE_CONFIG, "false"), false);
  }

  @Override
  public R apply(R record) {
    if (!(record.value() instanceof Struct value)) {
      return record; // a tombstone, or nothing this transform knows
    }
    SchemaBuilder schema = SchemaBuilder.struct().name(value.schema().name());
    if (value.schema().isOptional()) {
      schema.optional();
    }
    for (Field field : value.schema().fields()) {
      schema.field(field.name(), fields.contains(field.name()) ? JSON : field.schema());
    }
    Schema changed = schema.build();
    Struct out = new Struct(changed);
    for (Field field : value.schema().fields()) {
      Object v = value.get(field);
      out.put(field.name(), fields.contains(field.name()) && v != null ? text(record.topic(), field.schema(), v) : v);
    }
    return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(), changed, out, record.timestamp());
  }

  private String text(String topic, Schema schema, Object value) {
    return new String(json.fromConnectData(topic, schema, value), StandardCharsets.UTF_8);
  }

  @Override
  public ConfigDef config() {
    return CONFIG;
  }

  @Override
  public void close() {
    json.close();
  }
}
