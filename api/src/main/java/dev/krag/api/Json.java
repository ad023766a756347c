package dev.krag.api;

import org.apache.avro.generic.GenericData;
import org.apache.avro.specific.SpecificRecord;

/** JSON text for API bodies: records in their Avro field names, so API and topics speak alike. */
final class Json {

  private Json() {}

  static String of(SpecificRecord record) {
    return GenericData.get().toString(record);
  }

  static String quote(String text) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
