package dev.krag.topologies.stages;

import dev.krag.schemas.Location;
import dev.krag.schemas.RunEventType;
import dev.krag.schemas.Shot;
import dev.krag.schemas.ShotTask;
import dev.krag.schemas.ShotsPlanned;
import dev.krag.schemas.Stage;
import dev.krag.schemas.StoryCharacter;
import dev.krag.schemas.Topics;
import dev.krag.stages.cost.ShotAllowances;
import dev.krag.stages.parse.Ids;
import dev.krag.topologies.Outputs;
import dev.krag.topologies.RunEvents;
import dev.krag.topologies.RunTracing;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One shot task per planned shot, keyed by run and shot so that tasks spread over the partitions,
 * each with its share of what the run has left to spend.
 */
final class ShotFanOut extends StageProcessor<ShotsPlanned> {

  private static final Location NOWHERE = Location.newBuilder()
      .setId(Ids.UNKNOWN_LOCATION).setName("once upon a time").setDescription("a fairy-tale land").build();

  ShotFanOut(RunTracing tracing) {
    super(Stage.GENERATE, tracing);
  }

  @Override
  String operation() {
    return StageTopology.FAN_OUT;
  }

  @Override
  void handle(ShotsPlanned plan, Outputs out) {
    Map<String, StoryCharacter> characters = castInOrder(plan.getCharacters());
    Map<String, Location> locations =
        plan.getLocations().stream().collect(Collectors.toMap(Location::getId, Function.identity()));
    RunEvents.send(out, plan.getRunId(), Stage.GENERATE, RunEventType.STARTED, 0,
        "rendering " + plan.getShots().size() + " shots", Map.of("shots", Integer.toString(plan.getShots().size())));
    List<Double> allowances = ShotAllowances.of(plan.getBudgetUsd(), plan.getShots());
    for (int i = 0; i < plan.getShots().size(); i++) {
      Shot shot = plan.getShots().get(i);
      ShotTask task = ShotTask.newBuilder()
          .setRunId(plan.getRunId())
          .setTitle(plan.getTitle())
          .setIteration(0)
          .setShotCount(plan.getShots().size())
          .setSceneCount(plan.getSceneCount())
          .setShot(shot)
          .setCharacters(shot.getCharacterIds().stream().map(characters::get).toList())
          .setLocation(locations.getOrDefault(shot.getLocationId(), NOWHERE))
          .setConfig(plan.getConfig())
          .setBudgetUsd(allowances.get(i))
          .build();
      out.send(Topics.SHOT_TASKS, Topics.shotTaskKey(plan.getRunId(), shot.getShotId()), task);
    }
  }

  /** Each character numbered by its place in the cast, so it keeps one accent colour in every shot. */
  private static Map<String, StoryCharacter> castInOrder(List<StoryCharacter> cast) {
    return IntStream.range(0, cast.size()).boxed().collect(Collectors.toMap(i -> cast.get(i).getId(),
        i -> StoryCharacter.newBuilder(cast.get(i)).setCastIndex(i).build()));
  }

  @Override
  String runId(ShotsPlanned value) {
    return value.getRunId();
  }
}
