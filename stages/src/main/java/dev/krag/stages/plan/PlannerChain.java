package dev.krag.stages.plan;

import dev.krag.schemas.RunConfig;
import dev.krag.schemas.Shot;
import dev.krag.stages.cost.Budget;
import dev.krag.stages.cost.Metered;
import dev.krag.stages.llm.FallbackChain;
import dev.krag.stages.llm.FallbackChain.Link;
import dev.krag.stages.parse.SceneGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The configured language models in order, then the local shot planner, which always answers. */
public final class PlannerChain {

  private final List<LlmShotPlanner> models;
  private final ShotPlanner local;

  public PlannerChain(List<LlmShotPlanner> models, ShotPlanner local) {
    this.models = List.copyOf(models);
    this.local = local;
  }

  /** A chain of the local planner alone. */
  public static PlannerChain local(ShotPlanner local) {
    return new PlannerChain(List.of(), local);
  }

  /**
   * The shots of the first planner that answers, each with its music.
   *
   * @param budget what the run has left: a model's call that may cross it is not made, and ends the plan
   */
  public Metered<List<Shot>> plan(SceneGraph graph, RunConfig config, Budget budget) {
    List<Link<List<Shot>>> links = new ArrayList<>();
    models.forEach(m -> links.add(new Link<>(m.name(), () -> m.plan(graph, config, budget))));
    links.add(Link.local("plan", local.name(), graph.scenes().size(), "scene", () -> local.plan(graph, config)));
    Metered<List<Shot>> planned = FallbackChain.first("plan", links);
    return new Metered<>(MusicPlanner.scored(planned.value(), config), planned.calls());
  }

  /** The providers in the order they are tried, for start-up logs. */
  public List<String> order() {
    return Stream.concat(models.stream().map(LlmShotPlanner::name), Stream.of(local.name())).toList();
  }
}
