package dev.krag.stages.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What every provider's test double shares: an HTTP server on localhost, and replies scripted for
 * the next requests (an error, a rate limit) before the double answers as the model would.
 */
public final class ProviderDouble implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One scripted HTTP reply. */
  public record Reply(int status, Map<String, String> headers, String body) {}

  /**
   * A request as the server read it: headers by case-insensitive name, the body as JSON ({@code
   * null} when it is not JSON, missing when there is none).
   */
  public record Request(String method, String path, String query, Map<String, List<String>> headers, JsonNode body) {

    public static Request read(HttpExchange exchange) throws IOException {
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      headers.putAll(exchange.getRequestHeaders());
      byte[] bytes = exchange.getRequestBody().readAllBytes();
      JsonNode body;
      try {
        body = bytes.length == 0 ? MissingNode.getInstance() : JSON.readTree(bytes);
      } catch (IOException e) {
        body = null;
      }
      URI uri = exchange.getRequestURI();
      return new Request(exchange.getRequestMethod(), uri.getPath(), uri.getQuery() == null ? "" : uri.getQuery(), headers, body);
    }

    /** The header's first value, or "" when it was not sent. */
    public String header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? "" : values.getFirst();
    }
  }

  private final Deque<Reply> script = new ArrayDeque<>();
  private final HttpServer server;

  public ProviderDouble(Map<String, HttpHandler> routes) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    routes.forEach(server::createContext);
    server.start();
  }

  public URI root() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public synchronized void then(Reply reply) {
    script.add(reply);
  }

  /** The scripted reply for this request, if one is waiting. */
  public synchronized Optional<Reply> scripted() {
    return Optional.ofNullable(script.poll());
  }

  /** The reply as JSON, unless its headers name another Content-Type (Replicate's problem+json). */
  public static void send(HttpExchange exchange, Reply reply) throws IOException {
    reply.headers().forEach((name, value) -> {
      if (!name.equalsIgnoreCase("Content-Type")) {
        exchange.getResponseHeaders().add(name, value);
      }
    });
    String type = reply.headers().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Content-Type"))
        .map(Map.Entry::getValue).findFirst().orElse("application/json");
    send(exchange, reply.status(), type, reply.body().getBytes(StandardCharsets.UTF_8));
  }

  /** A reply that is not JSON: a picture, audio. */
  public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
