package dev.krag.topologies.stages;

import dev.krag.stages.critique.Critic;
import dev.krag.stages.critique.VideoProbe;
import dev.krag.stages.edit.VideoEditor;
import dev.krag.stages.generate.ShotGenerator;
import dev.krag.stages.knowledge.KnowledgeGraph;
import dev.krag.stages.knowledge.VectorMemory;
import dev.krag.stages.parse.StoryParser;
import dev.krag.stages.plan.ShotPlanner;
import dev.krag.stages.store.AssetStore;

/** The stage logic the stage topology adapts; built once by the runtime and handed in. */
public record Stages(
    StoryParser parser,
    KnowledgeGraph knowledge,
    VectorMemory memory,
    ShotPlanner planner,
    ShotGenerator generator,
    VideoEditor editor,
    VideoProbe probe,
    Critic critic,
    AssetStore assets) {}
