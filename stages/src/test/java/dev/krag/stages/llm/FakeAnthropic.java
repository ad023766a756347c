package dev.krag.stages.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.krag.stages.llm.ProviderDouble.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Test double of Anthropic's Messages API ({@code POST /v1/messages}), since no remote API is
 * reachable here: it refuses a request without {@code x-api-key} or {@code anthropic-version} as
 * the API does (401, 400), and answers in the API's shape: {@code content} blocks (here the
 * {@code tool_use} block the request forced), {@code stop_reason} and {@code usage}; errors as
 * {@code {"type": "error", "error": {"type", "message"}}}.
 */
public final class FakeAnthropic implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the server received. */
  public record Received(Map<String, List<String>> headers, JsonNode body) {}

  public final List<Received> received = new CopyOnWriteArrayList<>();
  private final ProviderDouble server;
  private volatile Function<Received, String> model = r -> "{}";

  public FakeAnthropic() throws IOException {
    server = new ProviderDouble(Map.of("/v1/messages", this::handle));
  }

  public URI baseUrl() {
    return server.root();
  }

  /** Answers every request not scripted otherwise with this JSON as the forced tool's input. */
  public FakeAnthropic answering(Function<Received, String> toolInput) {
    this.model = toolInput;
    return this;
  }

  public FakeAnthropic then(Reply reply) {
    server.then(reply);
    return this;
  }

  public static Reply error(int status, String type, String message) {
    return new Reply(status, Map.of(), "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}}");
  }

  /** A message whose one content block calls {@code tool} with {@code input}. */
  public static Reply toolCall(String tool, String input, String stopReason, int inputTokens) {
    try {
      return new Reply(200, Map.of(), JSON.writeValueAsString(Map.of(
          "id", "msg_test", "type", "message", "role", "assistant", "model", "claude-sonnet-4-5",
          "content", List.of(Map.of("type", "tool_use", "id", "toolu_test", "name", tool, "input", JSON.readTree(input))),
          "stop_reason", stopReason, "stop_sequence", "",
          "usage", Map.of("input_tokens", inputTokens, "output_tokens", input.length() / 4))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    Received request = new Received(Map.copyOf(exchange.getRequestHeaders()), JSON.readTree(exchange.getRequestBody()));
    received.add(request);
    if (exchange.getRequestHeaders().getFirst("x-api-key") == null) {
      ProviderDouble.send(exchange, error(401, "authentication_error", "x-api-key header is required"));
    } else if (exchange.getRequestHeaders().getFirst("anthropic-version") == null) {
      ProviderDouble.send(exchange, error(400, "invalid_request_error", "anthropic-version header is required"));
    } else {
      String tool = request.body().path("tool_choice").path("name").asText();
      ProviderDouble.send(exchange, server.scripted()
          .orElseGet(() -> toolCall(tool, model.apply(request), "tool_use", request.body().toString().length() / 4)));
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
