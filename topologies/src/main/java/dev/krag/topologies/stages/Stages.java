package dev.krag.topologies.stages;

import dev.krag.stages.critique.Critic;
import dev.krag.stages.critique.VideoProbe;
import dev.krag.stages.edit.VideoEditor;
import dev.krag.stages.generate.ShotGenerator;
import dev.krag.stages.knowledge.KnowledgeGraph;
import dev.krag.stages.knowledge.VectorMemory;
import dev.krag.stages.parse.ParserChain;
import dev.krag.stages.plan.PlannerChain;
import dev.krag.stages.store.AssetStore;

/** The stage logic the stage topology adapts; built once by the runtime and handed in. */
public record Stages(
    ParserChain parser,
    KnowledgeGraph knowledge,
    VectorMemory memory,
    PlannerChain planner,
    ShotGenerator generator,
    VideoEditor editor,
    VideoProbe probe,
    Critic critic,
    AssetStore assets) {}
