package dev.krag.topologies.stages;

import dev.krag.schemas.RunEventType;
import dev.krag.schemas.Stage;
import dev.krag.stages.cost.BudgetExceeded;
import dev.krag.topologies.CostEvents;
import dev.krag.topologies.Outputs;
import dev.krag.topologies.PipelineMetrics;
import dev.krag.topologies.RunEvents;
import dev.krag.topologies.RunTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one stage on one record. A stage that throws fails its run with the reason (so no one waits
 * for a run that cannot finish), and the record then goes to the dead-letter topic through the
 * processing exception handler. A stage stopped by the run's budget is no fault of the record: it
 * ends the run BUDGET_EXCEEDED, with the calls it paid for before it stopped on the bill. Every
 * line logged meanwhile, by krag or a library on this thread, names the run, the stage and the
 * shot ({@link #RUN_ID}, {@link #STAGE}, {@link #SHOT_ID} in the logging context), and each record's
 * work is a span of the run's trace.
 */
abstract class StageProcessor<V> implements Processor<String, V, String, Object> {

  private static final Logger log = LoggerFactory.getLogger(StageProcessor.class);
  /** The logging context's keys, the names the platform spec's structured logs use. */
  static final String RUN_ID = "run_id";
  static final String STAGE = "stage";
  static final String SHOT_ID = "shot_id";
  static final String TRACE_ID = "trace_id";
  static final String SPAN_ID = "span_id";

  private final Stage stage;
  private final RunTracing tracing;
  private ProcessorContext<String, Object> context;

  StageProcessor(Stage stage, RunTracing tracing) {
    this.stage = stage;
    this.tracing = tracing;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
  }

  @Override
  public final void process(Record<String, V> record) {
    String runId = runId(record.value());
    String subject = subject(record.value());
    Span span = tracing.start(operation(), stage, runId, subject, record.headers());
    try (Scope current = span.makeCurrent(); LogContext logged = LogContext.of(runId, stage, subject, span)) {
      run(record, new Outputs(context, record), runId, subject, span);
    } finally {
      span.end();
    }
  }

  private void run(Record<String, V> record, Outputs out, String runId, String subject, Span span) {
    long started = System.nanoTime();
    try {
      handle(record.value(), out);
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      PipelineMetrics.agentCalled(stage, true, took);
      log.info("{} done in {} ms", operation(), took.toMillis());
    } catch (BudgetExceeded e) {
      PipelineMetrics.agentCalled(stage, false, Duration.ofNanos(System.nanoTime() - started));
      span.setStatus(StatusCode.ERROR, "budget exceeded");
      log.warn("{} stopped by the budget of run {}: {}", stage, runId, e.getMessage());
      e.spent().forEach(call -> CostEvents.send(out, runId, stage, call));
      RunEvents.send(out, runId, stage, RunEventType.BUDGET_EXCEEDED, iteration(record.value()), subject,
          "budget exceeded: " + e.getMessage(), Map.of());
    } catch (Exception e) {
      PipelineMetrics.agentCalled(stage, false, Duration.ofNanos(System.nanoTime() - started));
      span.recordException(e);
      span.setStatus(StatusCode.ERROR, e.getMessage());
      log.error("{} failed for run {}", stage, runId, e);
      RunEvents.send(out, runId, stage, RunEventType.FAILED, iteration(record.value()), subject,
          stage + " failed: " + e.getMessage(), Map.of("exception", e.getClass().getName()));
      throw new StageFailedException(stage, runId, e);
    }
  }

  /** The logging context of one record's work: its run, stage and shot, and its span. */
  private record LogContext(List<String> keys) implements AutoCloseable {

    static LogContext of(String runId, Stage stage, String subject, Span span) {
      Map<String, String> context = new LinkedHashMap<>();
      context.put(RUN_ID, runId);
      context.put(STAGE, PipelineMetrics.agent(stage));
      if (!subject.isEmpty()) {
        context.put(SHOT_ID, subject);
      }
      if (span.getSpanContext().isValid()) {
        context.put(TRACE_ID, span.getSpanContext().getTraceId());
        context.put(SPAN_ID, span.getSpanContext().getSpanId());
      }
      context.forEach(MDC::put);
      return new LogContext(List.copyOf(context.keySet()));
    }

    @Override
    public void close() {
      keys.forEach(MDC::remove);
    }
  }

  abstract void handle(V value, Outputs out) throws Exception;

  abstract String runId(V value);

  int iteration(V value) {
    return 0;
  }

  /** The name of this processor's spans: its stage's, unless it does a part of one. */
  String operation() {
    return PipelineMetrics.agent(stage);
  }

  /** What within the run the record is about, when a run has several (a shot). */
  String subject(V value) {
    return "";
  }
}
