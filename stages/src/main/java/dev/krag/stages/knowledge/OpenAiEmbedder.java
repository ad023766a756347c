package dev.krag.stages.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.krag.stages.llm.HttpJson;
import dev.krag.stages.llm.ProviderException;
import java.net.URI;
import java.util.Map;

/**
 * OpenAI's embeddings API (text-embedding-3-large by default), or any server that speaks it. The
 * vector size must be known before the first call, since the collections are created for it.
 */
public final class OpenAiEmbedder implements Embedder {

  /** The sizes of OpenAI's embedding models. */
  private static final Map<String, Integer> DIMENSIONS = Map.of(
      "text-embedding-3-large", 3072, "text-embedding-3-small", 1536, "text-embedding-ada-002", 1536);

  private final URI baseUrl;
  private final String apiKey;
  private final String model;
  private final int dimensions;
  private final HttpJson http;

  public OpenAiEmbedder(URI baseUrl, String apiKey, String model, HttpJson http) {
    Integer size = DIMENSIONS.get(model);
    if (size == null) {
      throw new IllegalArgumentException("unknown embedding model '" + model + "': one of " + DIMENSIONS.keySet());
    }
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.model = model;
    this.dimensions = size;
    this.http = http;
  }

  @Override
  public String name() {
    return "openai:" + model;
  }

  @Override
  public int dimensions() {
    return dimensions;
  }

  @Override
  public Embedding embed(String text) {
    JsonNode answer = http.post(baseUrl.resolve("embeddings"), Map.of("Authorization", "Bearer " + apiKey),
        Map.of("model", model, "input", text, "encoding_format", "float"));
    JsonNode values = answer.path("data").path(0).path("embedding");
    if (values.size() != dimensions) {
      throw new ProviderException(0, name() + " returned " + values.size() + " dimensions, expected " + dimensions);
    }
    float[] vector = new float[dimensions];
    for (int i = 0; i < dimensions; i++) {
      vector[i] = (float) values.get(i).asDouble();
    }
    return new Embedding(vector, answer.path("usage").path("prompt_tokens").asLong());
  }
}
