package dev.krag.stages.llm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;

/**
 * What every provider's test double shares: an HTTP server on localhost, and replies scripted for
 * the next requests (an error, a rate limit) before the double answers as the model would.
 */
public final class ProviderDouble implements AutoCloseable {

  /** One scripted HTTP reply. */
  public record Reply(int status, Map<String, String> headers, String body) {}

  private final Deque<Reply> script = new ArrayDeque<>();
  private final HttpServer server;

  ProviderDouble(Map<String, HttpHandler> routes) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    routes.forEach(server::createContext);
    server.start();
  }

  URI root() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  synchronized void then(Reply reply) {
    script.add(reply);
  }

  /** The scripted reply for this request, if one is waiting. */
  synchronized Optional<Reply> scripted() {
    return Optional.ofNullable(script.poll());
  }

  static void send(HttpExchange exchange, Reply reply) throws IOException {
    byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    reply.headers().forEach(exchange.getResponseHeaders()::add);
    exchange.sendResponseHeaders(reply.status(), body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
