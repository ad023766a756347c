package dev.krag.stages.llm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON schemas in the strict subset providers enforce: every field required, no others allowed. */
public final class JsonSchema {

  public static final Map<String, Object> STRING = Map.of("type", "string");
  public static final Map<String, Object> INTEGER = Map.of("type", "integer");

  private JsonSchema() {}

  /** An object with these fields, given as name, schema, name, schema… in order. */
  public static Map<String, Object> object(Object... namesAndSchemas) {
    Map<String, Object> properties = new LinkedHashMap<>();
    for (int i = 0; i < namesAndSchemas.length; i += 2) {
      properties.put((String) namesAndSchemas[i], namesAndSchemas[i + 1]);
    }
    return Map.of("type", "object", "additionalProperties", false, "required", List.copyOf(properties.keySet()),
        "properties", properties);
  }

  public static Map<String, Object> arrayOf(Map<String, Object> items) {
    return Map.of("type", "array", "items", items);
  }

  public static Map<String, Object> oneOf(List<String> values) {
    return Map.of("type", "string", "enum", values);
  }
}
