package dev.krag.topologies;

import dev.krag.schemas.Topic;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Forwards a processor's results to the sinks of their topics, stamped with the input's time and
 * carrying the run's trace context on.
 */
public final class Outputs {

  private final ProcessorContext<String, Object> context;
  private final long timestamp;
  private final Headers from;

  public Outputs(ProcessorContext<String, Object> context, Record<?, ?> input) {
    this.context = context;
    this.timestamp = input.timestamp();
    this.from = input.headers();
  }

  public <V> void send(Topic<String, V> topic, String key, V value) {
    context.forward(new Record<>(key, value, timestamp, TraceHeaders.onward(from)), Wiring.sinkName(topic));
  }

  /** The input's timestamp: what events and costs are dated with, so a replay dates them the same. */
  public long timestamp() {
    return timestamp;
  }
}
