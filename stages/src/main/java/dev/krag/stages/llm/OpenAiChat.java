package dev.krag.stages.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * OpenAI's chat completions API, and any server that speaks it (vLLM, Ollama, llama.cpp): the
 * answer is constrained to the request's JSON schema with {@code response_format} in strict mode.
 */
public final class OpenAiChat extends HttpChatModel {

  /** @param baseUrl the API root, ending in a slash (e.g. {@code https://api.openai.com/v1/}) */
  public OpenAiChat(URI baseUrl, String apiKey, String model, HttpJson http) {
    super(baseUrl, apiKey, model, http);
  }

  @Override
  public String provider() {
    return "openai";
  }

  @Override
  public Completion complete(ChatRequest request) {
    long started = System.nanoTime();
    JsonNode answer = http.post(baseUrl.resolve("chat/completions"), Map.of("Authorization", "Bearer " + apiKey), Map.of(
        "model", model(),
        "temperature", request.temperature(),
        "max_tokens", request.maxTokens(),
        "messages", List.of(
            Map.of("role", "system", "content", request.instructions()),
            Map.of("role", "user", "content", request.data())),
        "response_format", Map.of("type", "json_schema", "json_schema",
            Map.of("name", request.schemaName(), "strict", true, "schema", request.schema()))));
    JsonNode choice = answer.path("choices").path(0);
    JsonNode usage = answer.path("usage");
    Completion completion = new Completion(choice.path("message").path("content").asText(""),
        usage.path("prompt_tokens").asLong(), usage.path("completion_tokens").asLong(), (System.nanoTime() - started) / 1e9);
    if (!choice.path("message").path("refusal").asText("").isEmpty()) {
      throw new UnusableAnswer("the model refused: " + choice.path("message").path("refusal").asText(), completion);
    }
    if ("length".equals(choice.path("finish_reason").asText())) {
      throw new UnusableAnswer("the answer was cut off at " + request.maxTokens() + " tokens", completion);
    }
    return completion;
  }
}
