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
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Test double of OpenAI's chat completions endpoint, since no remote API is reachable here: an
 * HTTP server on localhost that reads and answers the provider's real wire format (request body,
 * {@code Authorization} header, {@code choices[].message.content}, {@code usage}, error bodies and
 * {@code Retry-After}). Replies are scripted per test, or computed from the request by a
 * {@code model} function standing in for the model.
 */
public final class FakeOpenAi implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the server received. */
  public record Received(Map<String, List<String>> headers, JsonNode body) {

    public String systemMessage() {
      return body.path("messages").path(0).path("content").asText();
    }

    public JsonNode userData() {
      try {
        return JSON.readTree(body.path("messages").path(1).path("content").asText());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public final List<Received> received = new CopyOnWriteArrayList<>();
  private final ProviderDouble server;
  private volatile Function<Received, String> model = r -> "{}";

  public FakeOpenAi() throws IOException {
    server = new ProviderDouble(Map.of("/v1/chat/completions", this::handle, "/v1/embeddings", this::embed));
  }

  public URI baseUrl() {
    return server.root().resolve("v1/");
  }

  /** Answers every request not scripted otherwise with this content. */
  public FakeOpenAi answering(Function<Received, String> content) {
    this.model = content;
    return this;
  }

  /** The next request gets this reply instead of the model's answer. */
  public FakeOpenAi then(Reply reply) {
    server.then(reply);
    return this;
  }

  public static Reply error(int status, String message, Map<String, String> headers) {
    return new Reply(status, headers, "{\"error\":{\"message\":\"" + message + "\",\"type\":\"server_error\",\"code\":null}}");
  }

  /** A completion in the provider's shape, with token counts estimated at four characters a token. */
  public static Reply completion(String content, String finishReason, int promptTokens) {
    try {
      return new Reply(200, Map.of(), JSON.writeValueAsString(Map.of(
          "id", "chatcmpl-test", "object", "chat.completion", "created", 1_764_000_000, "model", "gpt-4.1-mini",
          "choices", List.of(Map.of("index", 0, "finish_reason", finishReason,
              "message", Map.of("role", "assistant", "content", content))),
          "usage", Map.of("prompt_tokens", promptTokens, "completion_tokens", content.length() / 4,
              "total_tokens", promptTokens + content.length() / 4))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    Received request = new Received(Map.copyOf(exchange.getRequestHeaders()), JSON.readTree(exchange.getRequestBody()));
    received.add(request);
    ProviderDouble.send(exchange, server.scripted()
        .orElseGet(() -> completion(model.apply(request), "stop", request.body().toString().length() / 4)));
  }

  /**
   * Embeddings stand-in: word counts hashed into the model's size, so texts sharing words point
   * alike, as a real embedding of them would.
   */
  private void embed(HttpExchange exchange) throws IOException {
    JsonNode request = JSON.readTree(exchange.getRequestBody());
    received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), request));
    Optional<Reply> scripted = server.scripted();
    if (scripted.isPresent()) {
      ProviderDouble.send(exchange, scripted.get());
      return;
    }
    int size = request.path("model").asText().endsWith("large") ? 3072 : 1536;
    float[] vector = new float[size];
    for (String word : request.path("input").asText().toLowerCase(java.util.Locale.ROOT).split("\\W+")) {
      vector[Math.floorMod(word.hashCode(), size)] += 1;
    }
    ProviderDouble.send(exchange, new Reply(200, Map.of(), JSON.writeValueAsString(Map.of("object", "list",
        "model", request.path("model").asText(), "data", List.of(Map.of("object", "embedding", "index", 0, "embedding", vector)),
        "usage", Map.of("prompt_tokens", request.path("input").asText().length() / 4, "total_tokens",
            request.path("input").asText().length() / 4)))));
  }

  @Override
  public void close() {
    server.close();
  }
}
