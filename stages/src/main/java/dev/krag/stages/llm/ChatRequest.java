package dev.krag.stages.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * One question to a language model whose answer must be JSON of the given schema.
 *
 * @param instructions what the model is asked to do; never contains story text
 * @param data the story material, as JSON: the model is told it is data, not instructions
 * @param schemaName a short name for the answer's schema
 * @param schema the answer's JSON schema
 */
public record ChatRequest(String instructions, String data, String schemaName, Map<String, Object> schema,
    double temperature, int maxTokens) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A request whose data is this value written as JSON. */
  public static ChatRequest of(String instructions, Object data, String schemaName, Map<String, Object> schema,
      double temperature, int maxTokens) {
    try {
      return new ChatRequest(instructions, JSON.writeValueAsString(data), schemaName, schema, temperature, maxTokens);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("request data is not JSON-serialisable", e);
    }
  }
}
