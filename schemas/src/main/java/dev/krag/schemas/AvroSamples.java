package dev.krag.schemas;

import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/** The smallest valid instance of a generated record: zeros, empty strings and lists, nulls where allowed. */
public final class AvroSamples {

  private AvroSamples() {}

  @SuppressWarnings("unchecked")
  public static <T extends SpecificRecord> T of(Class<T> type) {
    return (T) sample(SpecificData.get().getSchema(type));
  }

  private static Object sample(Schema schema) {
    return switch (schema.getType()) {
      case RECORD -> {
        SpecificRecord record = (SpecificRecord) SpecificData.get().newRecord(null, schema);
        schema.getFields().forEach(f -> record.put(f.pos(), sample(f.schema())));
        yield record;
      }
      case UNION -> schema.getTypes().stream().anyMatch(t -> t.getType() == Schema.Type.NULL)
          ? null : sample(schema.getTypes().getFirst());
      case ENUM -> SpecificData.get().createEnum(schema.getEnumSymbols().getFirst(), schema);
      case ARRAY -> List.of();
      case MAP -> Map.of();
      case STRING -> "";
      case INT -> 0;
      case LONG -> 0L;
      case FLOAT -> 0f;
      case DOUBLE -> 0.0;
      case BOOLEAN -> false;
      case BYTES -> java.nio.ByteBuffer.allocate(0);
      case FIXED, NULL -> throw new IllegalArgumentException("no sample for " + schema.getType());
    };
  }
}
