package dev.krag.stages.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Anthropic's Messages API. The answer is held to the request's JSON schema by offering the model
 * one tool whose input is that schema and requiring it to call it: the tool call's input is the
 * answer. The story material goes in the user turn, the instructions in {@code system}.
 */
public final class AnthropicChat extends HttpChatModel {

  /** The API version krag speaks, sent on every request as Anthropic requires. */
  static final String API_VERSION = "2023-06-01";

  /** @param baseUrl the API root, ending in a slash (e.g. {@code https://api.anthropic.com/}) */
  public AnthropicChat(URI baseUrl, String apiKey, String model, HttpJson http) {
    super(baseUrl, apiKey, model, http);
  }

  @Override
  public String provider() {
    return "anthropic";
  }

  @Override
  public Completion complete(ChatRequest request) {
    long started = System.nanoTime();
    JsonNode answer = http.post(baseUrl.resolve("v1/messages"), Map.of("x-api-key", apiKey, "anthropic-version", API_VERSION), Map.of(
        "model", model(),
        "max_tokens", request.maxTokens(),
        "temperature", request.temperature(),
        "system", request.instructions(),
        "messages", List.of(Map.of("role", "user", "content", request.data())),
        "tools", List.of(Map.of("name", request.schemaName(), "description", "Give the answer as this tool's input.",
            "input_schema", request.schema())),
        "tool_choice", Map.of("type", "tool", "name", request.schemaName())));
    JsonNode usage = answer.path("usage");
    JsonNode call = toolCall(answer, request.schemaName());
    Completion completion = new Completion(call.isMissingNode() ? "" : call.path("input").toString(),
        usage.path("input_tokens").asLong(), usage.path("output_tokens").asLong(), (System.nanoTime() - started) / 1e9);
    if ("max_tokens".equals(answer.path("stop_reason").asText())) {
      throw new UnusableAnswer("the answer was cut off at " + request.maxTokens() + " tokens", completion);
    }
    if (call.isMissingNode()) {
      throw new UnusableAnswer("the model did not call " + request.schemaName() + " (stop reason "
          + answer.path("stop_reason").asText() + ")", completion);
    }
    return completion;
  }

  private static JsonNode toolCall(JsonNode answer, String tool) {
    for (JsonNode block : answer.path("content")) {
      if (block.path("type").asText().equals("tool_use") && block.path("name").asText().equals(tool)) {
        return block;
      }
    }
    return MissingNode.getInstance();
  }
}
