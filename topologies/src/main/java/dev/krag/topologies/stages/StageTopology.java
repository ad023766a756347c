package dev.krag.topologies.stages;

import dev.krag.schemas.SerdeFactory;
import dev.krag.schemas.Topics;
import dev.krag.topologies.RunTracing;
import dev.krag.topologies.Wiring;
import org.apache.kafka.streams.Topology;

/**
 * The heavy stages, at least once: parse → plan → fan-out → generate, and edit → critique. Each
 * stage reads its own topic, so each is a sub-topology of its own that scales with its partitions;
 * all of them report to the run-event and cost topics. Their outputs are idempotent (content-keyed
 * assets, deterministic event ids), which is what makes redelivery harmless.
 */
public final class StageTopology {

  public static final String APPLICATION_ID = "krag-stages";

  static final String PARSE = "parse";
  static final String PLAN = "plan";
  static final String FAN_OUT = "shot-fan-out";
  static final String GENERATE = "generate";
  static final String EDIT = "edit";
  static final String CRITIQUE = "critique";

  private StageTopology() {}

  /** @param tracing where each stage's spans go ({@link RunTracing#OFF} for nowhere) */
  public static Topology build(SerdeFactory serdes, Stages stages, RunTracing tracing) {
    Topology topology = new Topology();
    Wiring wiring = new Wiring(topology, serdes);

    topology.addProcessor(PARSE, () -> new ParseProcessor(stages.parser(), stages.assets(), tracing), wiring.source(Topics.RUNS_REQUESTED));
    topology.addProcessor(PLAN, () -> new PlanProcessor(stages.knowledge(), stages.memory(), stages.planner(), tracing),
        wiring.source(Topics.SCENES_PARSED));
    topology.addProcessor(FAN_OUT, () -> new ShotFanOut(tracing), wiring.source(Topics.SHOTS_PLANNED));
    topology.addProcessor(GENERATE, () -> new GenerateProcessor(stages.generator(), tracing), wiring.source(Topics.SHOT_TASKS));
    topology.addProcessor(EDIT, () -> new EditProcessor(stages.editor(), tracing), wiring.source(Topics.EDITS_REQUESTED));
    topology.addProcessor(CRITIQUE, () -> new CritiqueProcessor(stages.probe(), stages.critic(), stages.assets(), tracing),
        wiring.source(Topics.VIDEOS_EDITED));

    wiring.sink(Topics.SCENES_PARSED, PARSE);
    wiring.sink(Topics.SHOTS_PLANNED, PLAN);
    wiring.sink(Topics.SHOT_TASKS, FAN_OUT);
    wiring.sink(Topics.ASSETS_GENERATED, GENERATE);
    wiring.sink(Topics.VIDEOS_EDITED, EDIT);
    wiring.sink(Topics.CRITIQUES, CRITIQUE);
    wiring.sink(Topics.RUN_EVENTS, PARSE, PLAN, FAN_OUT, GENERATE, EDIT, CRITIQUE);
    wiring.sink(Topics.COSTS, PARSE, PLAN, GENERATE, EDIT, CRITIQUE);
    return topology;
  }
}
