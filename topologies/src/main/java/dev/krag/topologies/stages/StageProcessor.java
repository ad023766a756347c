package dev.krag.topologies.stages;

import dev.krag.schemas.RunEventType;
import dev.krag.schemas.Stage;
import dev.krag.stages.cost.BudgetExceeded;
import dev.krag.topologies.CostEvents;
import dev.krag.topologies.Outputs;
import dev.krag.topologies.PipelineMetrics;
import dev.krag.topologies.RunEvents;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one stage on one record. A stage that throws fails its run with the reason (so no one waits
 * for a run that cannot finish), and the record then goes to the dead-letter topic through the
 * processing exception handler. A stage stopped by the run's budget is no fault of the record: it
 * ends the run BUDGET_EXCEEDED, with the calls it paid for before it stopped on the bill.
 */
abstract class StageProcessor<V> implements Processor<String, V, String, Object> {

  private static final Logger log = LoggerFactory.getLogger(StageProcessor.class);

  private final Stage stage;
  private ProcessorContext<String, Object> context;

  StageProcessor(Stage stage) {
    this.stage = stage;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
  }

  @Override
  public final void process(Record<String, V> record) {
    Outputs out = new Outputs(context, record.timestamp());
    String runId = runId(record.value());
    long started = System.nanoTime();
    try {
      handle(record.value(), out);
      PipelineMetrics.agentCalled(stage, true, Duration.ofNanos(System.nanoTime() - started));
    } catch (BudgetExceeded e) {
      PipelineMetrics.agentCalled(stage, false, Duration.ofNanos(System.nanoTime() - started));
      log.warn("{} stopped by the budget of run {}: {}", stage, runId, e.getMessage());
      e.spent().forEach(call -> CostEvents.send(out, runId, stage, call));
      RunEvents.send(out, runId, stage, RunEventType.BUDGET_EXCEEDED, iteration(record.value()), subject(record.value()),
          "budget exceeded: " + e.getMessage(), Map.of());
    } catch (Exception e) {
      PipelineMetrics.agentCalled(stage, false, Duration.ofNanos(System.nanoTime() - started));
      log.error("{} failed for run {}", stage, runId, e);
      RunEvents.send(out, runId, stage, RunEventType.FAILED, iteration(record.value()), subject(record.value()),
          stage + " failed: " + e.getMessage(), Map.of("exception", e.getClass().getName()));
      throw new StageFailedException(stage, runId, e);
    }
  }

  abstract void handle(V value, Outputs out) throws Exception;

  abstract String runId(V value);

  int iteration(V value) {
    return 0;
  }

  /** What within the run the record is about, when a run has several (a shot). */
  String subject(V value) {
    return "";
  }
}
