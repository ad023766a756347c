package dev.krag.sinks;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.LogicalTypes;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Avro data as Kafka Connect data: records become structs, enums strings, a union of null and
 * one type an optional field of that type, timestamp-millis a Connect timestamp. A schema is
 * translated once and kept, since every record of a topic carries the same few.
 */
final class AvroConnectData {

  private final Map<org.apache.avro.Schema, Schema> schemas = new ConcurrentHashMap<>();

  Schema schema(org.apache.avro.Schema avro) {
    return schemas.computeIfAbsent(avro, s -> translate(s, false));
  }

  /** The Connect value of an Avro value whose Connect schema is {@code schema}. */
  Object value(Schema schema, org.apache.avro.Schema avro, Object value) {
    if (value == null) {
      return null;
    }
    org.apache.avro.Schema type = nonNull(avro);
    return switch (type.getType()) {
      case RECORD -> {
        IndexedRecord record = (IndexedRecord) value;
        Struct struct = new Struct(schema);
        for (org.apache.avro.Schema.Field field : type.getFields()) {
          struct.put(field.name(), value(schema.field(field.name()).schema(), field.schema(), record.get(field.pos())));
        }
        yield struct;
      }
      case ENUM, STRING -> value.toString();
      case LONG -> type.getLogicalType() instanceof LogicalTypes.TimestampMillis ? new java.util.Date((Long) value) : value;
      case INT, DOUBLE, FLOAT, BOOLEAN -> value;
      case BYTES -> value instanceof ByteBuffer buffer ? bytes(buffer) : value;
      case FIXED -> ((GenericData.Fixed) value).bytes();
      case ARRAY -> {
        List<Object> out = new ArrayList<>();
        for (Object item : (Iterable<?>) value) {
          out.add(value(schema.valueSchema(), type.getElementType(), item));
        }
        yield out;
      }
      case MAP -> {
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<?, ?>) value).forEach((k, v) -> out.put(k.toString(), value(schema.valueSchema(), type.getValueType(), v)));
        yield out;
      }
      default -> throw new DataException("no Connect value for Avro " + type.getType());
    };
  }

  private static Schema translate(org.apache.avro.Schema avro, boolean optional) {
    if (avro.getType() == org.apache.avro.Schema.Type.UNION) {
      return translate(nonNull(avro), true);
    }
    SchemaBuilder builder = switch (avro.getType()) {
      case RECORD -> {
        SchemaBuilder struct = SchemaBuilder.struct().name(avro.getFullName());
        for (org.apache.avro.Schema.Field field : avro.getFields()) {
          struct.field(field.name(), translate(field.schema(), false));
        }
        yield struct;
      }
      case ENUM, STRING -> SchemaBuilder.string();
      case INT -> SchemaBuilder.int32();
      case LONG -> avro.getLogicalType() instanceof LogicalTypes.TimestampMillis ? Timestamp.builder() : SchemaBuilder.int64();
      case DOUBLE -> SchemaBuilder.float64();
      case FLOAT -> SchemaBuilder.float32();
      case BOOLEAN -> SchemaBuilder.bool();
      case BYTES, FIXED -> SchemaBuilder.bytes();
      case ARRAY -> SchemaBuilder.array(translate(avro.getElementType(), false));
      case MAP -> SchemaBuilder.map(Schema.STRING_SCHEMA, translate(avro.getValueType(), false));
      default -> throw new DataException("no Connect schema for Avro " + avro.getType());
    };
    return (optional ? builder.optional() : builder).build();
  }

  /** The one type of a union of null and that type; any other schema as it is. */
  private static org.apache.avro.Schema nonNull(org.apache.avro.Schema avro) {
    if (avro.getType() != org.apache.avro.Schema.Type.UNION) {
      return avro;
    }
    List<org.apache.avro.Schema> types = avro.getTypes().stream().filter(t -> t.getType() != org.apache.avro.Schema.Type.NULL).toList();
    if (types.size() != 1) {
      throw new DataException("a union of more than null and one type has no Connect schema: " + avro);
    }
    return types.getFirst();
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.duplicate().get(out);
    return out;
  }
}
