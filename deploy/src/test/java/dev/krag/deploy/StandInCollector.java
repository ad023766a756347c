package dev.krag.deploy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for an OpenTelemetry collector, which cannot run here: a local HTTP server that
 * answers 200 to whatever the OTLP exporter posts and keeps it.
 */
final class StandInCollector implements AutoCloseable {

  /** One request as it came: where, in what format, and its bytes. */
  record Posted(String path, String contentType, byte[] body) {

    /** The body's bytes as text, one character each, so the strings in a protobuf can be looked for. */
    String text() {
      return new String(body, StandardCharsets.ISO_8859_1);
    }
  }

  private final HttpServer server;
  private final List<Posted> posted = new CopyOnWriteArrayList<>();

  private StandInCollector() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        posted.add(new Posted(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Content-Type"), in.readAllBytes()));
      }
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
  }

  static StandInCollector start() throws IOException {
    return new StandInCollector();
  }

  /** The base URL to give as {@code OTEL_EXPORTER_OTLP_ENDPOINT}. */
  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Posted> posted() {
    return posted;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
