package dev.krag.topologies.stages;

import dev.krag.schemas.RunEventType;
import dev.krag.schemas.ScenesParsed;
import dev.krag.schemas.Shot;
import dev.krag.schemas.ShotsPlanned;
import dev.krag.schemas.Stage;
import dev.krag.schemas.Topics;
import dev.krag.stages.cost.Budget;
import dev.krag.stages.cost.Metered;
import dev.krag.stages.knowledge.KnowledgeGraph;
import dev.krag.stages.knowledge.VectorMemory;
import dev.krag.stages.parse.SceneGraph;
import dev.krag.stages.plan.PlannerChain;
import dev.krag.topologies.CostEvents;
import dev.krag.topologies.Outputs;
import dev.krag.topologies.RunEvents;
import dev.krag.topologies.RunTracing;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scene graph to shot plan, grounded in the knowledge graph: the parse is stored there first, and
 * the planner works from what the graph gives back, so every shot reuses the graph's canonical
 * description of its characters and place; each shot also carries the echo of the earlier shot it
 * most resembles (from the vector memory); the shots are stored beside the scenes they depict.
 */
final class PlanProcessor extends StageProcessor<ScenesParsed> {

  private final KnowledgeGraph knowledge;
  private final VectorMemory memory;
  private final PlannerChain planner;

  PlanProcessor(KnowledgeGraph knowledge, VectorMemory memory, PlannerChain planner, RunTracing tracing) {
    super(Stage.PLAN, tracing);
    this.knowledge = knowledge;
    this.memory = memory;
    this.planner = planner;
  }

  @Override
  void handle(ScenesParsed parsed, Outputs out) {
    RunEvents.send(out, parsed.getRunId(), Stage.PLAN, RunEventType.STARTED, 0, "planning shots", Map.of());
    knowledge.storeScenes(parsed.getRunId(), parsed.getStoryId(), new SceneGraph(parsed.getTitle(), parsed.getScenes(),
        parsed.getCharacters(), parsed.getLocations(), parsed.getRelations()));
    SceneGraph grounded = knowledge.sceneGraph(parsed.getRunId());
    Budget budget = Budget.of(parsed.getBudgetUsd());
    Metered<List<Shot>> plan = planner.plan(grounded, parsed.getConfig(), budget);
    plan.calls().forEach(call -> CostEvents.send(out, parsed.getRunId(), Stage.PLAN, call));
    Metered<List<Shot>> remembered = memory.remember(parsed.getRunId(), grounded.scenes(), plan.value(), budget);
    remembered.calls().forEach(call -> CostEvents.send(out, parsed.getRunId(), Stage.PLAN, call));
    List<Shot> shots = remembered.value();
    knowledge.storeShots(parsed.getRunId(), shots);
    out.send(Topics.SHOTS_PLANNED, parsed.getRunId(), ShotsPlanned.newBuilder()
        .setRunId(parsed.getRunId())
        .setTitle(parsed.getTitle())
        .setShots(shots)
        .setCharacters(grounded.characters())
        .setLocations(grounded.locations())
        .setSceneCount(parsed.getScenes().size())
        .setConfig(parsed.getConfig())
        .setBudgetUsd(budget.remaining())
        .build());
    double planned = shots.stream().mapToDouble(Shot::getDurationSeconds).sum();
    RunEvents.send(out, parsed.getRunId(), Stage.PLAN, RunEventType.COMPLETED, 0,
        String.format(Locale.ROOT, "%d shots, %.0f s planned", shots.size(), planned),
        Map.of("shots", Integer.toString(shots.size()), "plannedSeconds", String.format(Locale.ROOT, "%.3f", planned)));
  }

  @Override
  String runId(ScenesParsed value) {
    return value.getRunId();
  }
}
