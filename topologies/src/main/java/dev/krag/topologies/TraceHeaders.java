package dev.krag.topologies;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The trace context a record sends on: the span at work now (a stage's), or else the context of
 * the record it came from (the bookkeeping keeps no spans of its own and passes the run's on).
 */
final class TraceHeaders {

  private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
  private static final TextMapSetter<Headers> SET = (headers, key, value) -> headers.remove(key).add(key, value.getBytes(StandardCharsets.UTF_8));

  private TraceHeaders() {}

  static Headers onward(Headers from) {
    Headers headers = new RecordHeaders();
    if (Span.current().getSpanContext().isValid()) {
      W3C.inject(Context.current(), headers, SET);
    } else if (from != null) {
      for (String key : W3C.fields()) {
        Header header = from.lastHeader(key);
        if (header != null) {
          headers.add(key, header.value());
        }
      }
    }
    return headers;
  }
}
