package dev.krag.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krag.schemas.Stage;
import dev.krag.topologies.RunTracing;
import io.opentelemetry.api.trace.Span;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** Traces leave over OTLP/HTTP when an endpoint is configured (to a {@link StandInCollector}). */
class TracingTest {

  @Test
  void aRunsSpansArePostedToTheCollectorOnClose() throws Exception {
    List<StandInCollector.Posted> posted;
    try (StandInCollector collector = StandInCollector.start()) {
      KragConfig config = KragConfig.from(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint() + "/",
          "OTEL_SERVICE_NAME", "krag-test")::get);
      try (Tracing tracing = Tracing.start(config.tracing())) {
        Span span = tracing.runs().start("generate", Stage.GENERATE, "run-5", "scene-001-shot-01", new RecordHeaders());
        span.end();
      }
      posted = collector.posted();
    }

    assertThat(posted).hasSize(1);
    StandInCollector.Posted traces = posted.getFirst();
    assertThat(traces.path()).isEqualTo("/v1/traces");
    assertThat(traces.contentType()).isEqualTo("application/x-protobuf");
    assertThat(traces.text()).contains("krag-test", "generate", "run-5", "scene-001-shot-01", RunTracing.AGENT);
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
