package dev.krag.topologies.analytics;

import java.util.List;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Turns each record into the analytics rows it stands for, each keyed by its row id; no state. */
final class RowProjection<V, R> implements Processor<String, V, String, R> {

  private final Function<Record<String, V>, List<KeyValue<String, R>>> rows;
  private ProcessorContext<String, R> context;

  RowProjection(Function<Record<String, V>, List<KeyValue<String, R>>> rows) {
    this.rows = rows;
  }

  @Override
  public void init(ProcessorContext<String, R> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, V> record) {
    for (KeyValue<String, R> row : rows.apply(record)) {
      context.forward(record.withKey(row.key).withValue(row.value));
    }
  }
}
