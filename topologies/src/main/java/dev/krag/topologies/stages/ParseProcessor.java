package dev.krag.topologies.stages;

import dev.krag.schemas.AssetKeys;
import dev.krag.schemas.RunEventType;
import dev.krag.schemas.RunRequested;
import dev.krag.schemas.ScenesParsed;
import dev.krag.schemas.Stage;
import dev.krag.schemas.Topics;
import dev.krag.stages.cost.Budget;
import dev.krag.stages.cost.Metered;
import dev.krag.stages.parse.SceneGraph;
import dev.krag.stages.parse.ParserChain;
import dev.krag.stages.store.AssetStore;
import dev.krag.topologies.CostEvents;
import dev.krag.topologies.Outputs;
import dev.krag.topologies.RunEvents;
import dev.krag.topologies.RunTracing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Story text to scene graph; the text kept in the bucket as the story's source. */
final class ParseProcessor extends StageProcessor<RunRequested> {

  private final ParserChain parser;
  private final AssetStore assets;

  ParseProcessor(ParserChain parser, AssetStore assets, RunTracing tracing) {
    super(Stage.PARSE, tracing);
    this.parser = parser;
    this.assets = assets;
  }

  @Override
  void handle(RunRequested run, Outputs out) throws IOException {
    RunEvents.send(out, run.getRunId(), Stage.PARSE, RunEventType.STARTED, 0, "parsing " + run.getTitle(), Map.of());
    // The story id is derived from the text, so writing it again writes the same object.
    assets.write(AssetKeys.source(run.getStoryId()), run.getText().getBytes(StandardCharsets.UTF_8));
    Budget budget = Budget.of(run.getConfig().getMaxCostUsd());
    Metered<SceneGraph> parsed = parser.parse(run.getTitle(), run.getText(), budget);
    parsed.calls().forEach(call -> CostEvents.send(out, run.getRunId(), Stage.PARSE, call));
    SceneGraph graph = parsed.value();
    if (graph.scenes().isEmpty()) {
      throw new IllegalArgumentException("the story has no scenes");
    }
    out.send(Topics.SCENES_PARSED, run.getRunId(), ScenesParsed.newBuilder()
        .setRunId(run.getRunId())
        .setStoryId(run.getStoryId())
        .setTitle(graph.title())
        .setScenes(graph.scenes())
        .setCharacters(graph.characters())
        .setLocations(graph.locations())
        .setRelations(graph.relations())
        .setConfig(run.getConfig())
        .setBudgetUsd(budget.remaining())
        .build());
    RunEvents.send(out, run.getRunId(), Stage.PARSE, RunEventType.COMPLETED, 0,
        String.format("%d scenes, %d characters, %d locations", graph.scenes().size(), graph.characters().size(),
            graph.locations().size()),
        Map.of("scenes", Integer.toString(graph.scenes().size()),
            "characters", Integer.toString(graph.characters().size()),
            "locations", Integer.toString(graph.locations().size())));
  }

  @Override
  String runId(RunRequested value) {
    return value.getRunId();
  }
}
