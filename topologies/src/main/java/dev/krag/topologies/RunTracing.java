package dev.krag.topologies;

import dev.krag.schemas.Stage;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.nio.charset.StandardCharsets;
import java.util.stream.StreamSupport;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * One trace per run: each stage's work on a record is a span whose parent is the context the
 * record carries in its headers (W3C trace context), and what the stage sends on carries its span
 * ({@link TraceHeaders}). The first stage of a run, reading a request that carries none, starts
 * the run's trace. Off, spans record nothing and cost nothing, but a context that came in still
 * goes on.
 */
public final class RunTracing {

  public static final RunTracing OFF = new RunTracing(OpenTelemetry.noop());
  /** The span attributes the platform spec names: the agent (a stage) and the run. */
  public static final String AGENT = "agent.name";
  public static final String RUN_ID = "run.id";
  public static final String SHOT_ID = "shot.id";

  private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Headers headers) {
      return StreamSupport.stream(headers.spliterator(), false).map(Header::key).toList();
    }

    @Override
    public String get(Headers headers, String key) {
      Header header = headers == null ? null : headers.lastHeader(key);
      return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
  };

  private final Tracer tracer;
  private final TextMapPropagator propagator;

  public RunTracing(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer("dev.krag.topologies");
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
  }

  /** A span of a stage's work ({@code name}) on one record of a run (on one shot, when {@code shotId} is not empty). */
  public Span start(String name, Stage stage, String runId, String shotId, Headers carried) {
    String agent = PipelineMetrics.agent(stage);
    SpanBuilder span = tracer.spanBuilder(name)
        .setParent(propagator.extract(Context.root(), carried, HEADERS))
        .setSpanKind(SpanKind.CONSUMER)
        .setAttribute(AGENT, agent)
        .setAttribute(RUN_ID, runId);
    if (!shotId.isEmpty()) {
      span.setAttribute(SHOT_ID, shotId);
    }
    return span.startSpan();
  }
}
