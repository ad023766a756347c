package dev.krag.topologies.bookkeeping;

import dev.krag.schemas.CostEvent;
import dev.krag.schemas.Run;
import dev.krag.schemas.RunCosts;
import dev.krag.schemas.RunEvent;
import dev.krag.schemas.RunRequested;
import dev.krag.schemas.ShotAssets;
import dev.krag.schemas.ShotAssetsProgress;
import dev.krag.schemas.Topics;
import dev.krag.topologies.Outputs;
import dev.krag.topologies.PipelineMetrics;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** The small processors of the bookkeeping topology; each adapts one pure fold to its store. */
final class BookkeepingProcessors {

  private BookkeepingProcessors() {}

  /** A processor with its context and the output helper, for records keyed by run id. */
  abstract static class RunKeyed<V> implements Processor<String, V, String, Object> {
    ProcessorContext<String, Object> context;

    @Override
    public void init(ProcessorContext<String, Object> context) {
      this.context = context;
    }

    @Override
    public final void process(Record<String, V> record) {
      handle(record.key(), record.value(), new Outputs(context, record));
    }

    abstract void handle(String runId, V value, Outputs out);

    <S> KeyValueStore<String, S> store(String name) {
      return context.getStateStore(name);
    }
  }

  /** A requested run enters the run-state store. */
  static final class RunRequestedProcessor extends RunKeyed<RunRequested> {
    @Override
    void handle(String runId, RunRequested request, Outputs out) {
      RunStateStore runs = new RunStateStore(store(BookkeepingTopology.RUN_STATE));
      Run previous = runs.get(runId);
      runs.update(previous, RunStateAggregator.requested(previous, request, out.timestamp()), out);
    }
  }

  /** Run events fold into the run's state. */
  static final class RunEventProcessor extends RunKeyed<RunEvent> {
    @Override
    void handle(String runId, RunEvent event, Outputs out) {
      RunStateStore runs = new RunStateStore(store(BookkeepingTopology.RUN_STATE));
      Run previous = runs.get(runId);
      Run current = previous != null ? previous : RunStateAggregator.placeholder(runId, event.getAt());
      PipelineMetrics.runEvent(previous, event);
      runs.update(previous, RunStateAggregator.apply(current, event), out);
    }
  }

  /**
   * Cost events add to the run's bill once each, and the total rides on the run; each event
   * counted goes on, keyed by its provider and model, to the daily windows.
   */
  static final class CostProcessor extends RunKeyed<CostEvent> {
    @Override
    void handle(String runId, CostEvent event, Outputs out) {
      KeyValueStore<String, RunCosts> costs = store(BookkeepingTopology.RUN_COSTS);
      RunCostsLedger.add(costs.get(runId), event).ifPresent(bill -> {
        costs.put(runId, bill);
        PipelineMetrics.costCounted(event);
        out.send(Topics.COSTS_BY_MODEL, event.getProvider() + ":" + event.getModel(), event);
        RunStateStore runs = new RunStateStore(store(BookkeepingTopology.RUN_STATE));
        Run previous = runs.get(runId);
        Run current = previous != null ? previous : RunStateAggregator.placeholder(runId, event.getAt());
        runs.update(previous, RunStateAggregator.withCosts(current, bill, event.getAt()), out);
      });
    }
  }

  /** Rendered shots gather until their iteration is whole; then the edit is requested. */
  static final class FanInProcessor extends RunKeyed<ShotAssets> {
    @Override
    void handle(String runId, ShotAssets asset, Outputs out) {
      KeyValueStore<String, ShotAssetsProgress> progress = store(BookkeepingTopology.SHOT_ASSETS);
      ShotFanIn.Step step = ShotFanIn.accept(progress.get(runId), asset);
      progress.put(runId, step.progress());
      step.edit().ifPresent(edit -> Routing.requestEdit(out, edit));
    }
  }
}
