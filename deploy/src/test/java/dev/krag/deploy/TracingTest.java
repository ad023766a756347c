package dev.krag.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.krag.schemas.Stage;
import dev.krag.topologies.RunTracing;
import io.opentelemetry.api.trace.Span;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/**
 * Traces leave over OTLP/HTTP when an endpoint is configured. No collector runs here, so a local
 * HTTP server stands in for one: it takes what the OTLP exporter posts to {@code /v1/traces}.
 */
class TracingTest {

  private record Posted(String path, String contentType, byte[] body) {}

  @Test
  void aRunsSpansArePostedToTheCollectorOnClose() throws Exception {
    List<Posted> posted = new CopyOnWriteArrayList<>();
    HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    collector.createContext("/", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        posted.add(new Posted(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Content-Type"), in.readAllBytes()));
      }
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    collector.start();
    try {
      KragConfig config = KragConfig.from(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + collector.getAddress().getPort() + "/",
          "OTEL_SERVICE_NAME", "krag-test")::get);
      try (Tracing tracing = Tracing.start(config.tracing())) {
        Span span = tracing.runs().start("generate", Stage.GENERATE, "run-5", "scene-001-shot-01", new RecordHeaders());
        span.end();
      }
    } finally {
      collector.stop(0);
    }

    assertThat(posted).hasSize(1);
    Posted traces = posted.getFirst();
    assertThat(traces.path()).isEqualTo("/v1/traces");
    assertThat(traces.contentType()).isEqualTo("application/x-protobuf");
    String body = new String(traces.body(), StandardCharsets.ISO_8859_1);
    assertThat(body).contains("krag-test", "generate", "run-5", "scene-001-shot-01", RunTracing.AGENT);
  }

  @Test
  void offWithoutAnEndpointAndRefusedWithABadOne() {
    KragConfig off = KragConfig.from(Map.<String, String>of()::get);
    assertThat(off.tracing().enabled()).isFalse();
    try (Tracing tracing = Tracing.start(off.tracing())) {
      assertThat(tracing.runs()).isSameAs(RunTracing.OFF);
    }
    assertThatThrownBy(() -> KragConfig.from(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4318")::get))
        .hasMessageContaining("OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL");
  }
}
