package dev.krag.topologies.stages;

import dev.krag.schemas.RunEventType;
import dev.krag.schemas.ShotTask;
import dev.krag.schemas.Stage;
import dev.krag.schemas.Topics;
import dev.krag.stages.generate.ShotGenerator;
import dev.krag.topologies.CostEvents;
import dev.krag.topologies.Outputs;
import dev.krag.topologies.RunEvents;
import dev.krag.topologies.RunTracing;
import java.util.Map;

/** Renders one shot; the assets go back keyed by run, to be gathered by the fan-in. */
final class GenerateProcessor extends StageProcessor<ShotTask> {

  private final ShotGenerator generator;

  GenerateProcessor(ShotGenerator generator, RunTracing tracing) {
    super(Stage.GENERATE, tracing);
    this.generator = generator;
  }

  @Override
  void handle(ShotTask task, Outputs out) throws Exception {
    ShotGenerator.Generated generated = generator.generate(task);
    // The bill first: the bookkeeping reads both topics in time order, so the shot's costs are
    // counted before its assets can complete an iteration whose verdict may spend the rest.
    generated.calls().forEach(call -> CostEvents.send(out, task.getRunId(), Stage.GENERATE, call));
    out.send(Topics.ASSETS_GENERATED, task.getRunId(), generated.assets());
    RunEvents.send(out, task.getRunId(), Stage.GENERATE, RunEventType.SHOT_READY, task.getIteration(),
        task.getShot().getShotId(), "shot " + task.getShot().getShotId() + " ready",
        Map.of("shotId", task.getShot().getShotId(), "image", generated.assets().getImagePath()));
  }

  @Override
  String runId(ShotTask value) {
    return value.getRunId();
  }

  @Override
  int iteration(ShotTask value) {
    return value.getIteration();
  }

  @Override
  String subject(ShotTask value) {
    return value.getShot().getShotId();
  }
}
