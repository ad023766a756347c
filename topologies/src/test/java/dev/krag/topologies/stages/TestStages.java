package dev.krag.topologies.stages;

import dev.krag.stages.Fixtures;
import dev.krag.stages.critique.Critic;
import dev.krag.stages.critique.CriticSettings;
import dev.krag.stages.critique.VideoProbe;
import dev.krag.stages.edit.VideoEditor;
import dev.krag.stages.generate.FreeTtsVoice;
import dev.krag.stages.generate.Illustrator;
import dev.krag.stages.generate.MaryTtsVoice;
import dev.krag.stages.generate.Narrator;
import dev.krag.stages.generate.SilhouetteIllustrator;
import dev.krag.stages.knowledge.InMemoryKnowledgeGraph;
import dev.krag.stages.knowledge.InMemoryVectorStore;
import dev.krag.stages.knowledge.MiniLmEmbedder;
import dev.krag.stages.knowledge.VectorMemory;
import dev.krag.stages.parse.LocalStoryParser;
import dev.krag.stages.parse.ParserChain;
import dev.krag.stages.plan.PlannerChain;
import dev.krag.stages.plan.ShotPlanner;
import dev.krag.stages.store.LocalAssetStore;
import java.nio.file.Path;
import java.util.List;

/** The real local stages, storing under a test folder. */
public final class TestStages {

  /** The real local model, loaded once for all tests. */
  private static final MiniLmEmbedder EMBEDDER = new MiniLmEmbedder();

  private TestStages() {}

  public static Stages under(Path root) {
    return under(root, new SilhouetteIllustrator());
  }

  /** The real local stages with another illustrator, to make a shot faulty. */
  public static Stages under(Path root, Illustrator illustrator) {
    LocalAssetStore store = new LocalAssetStore(root);
    return new Stages(ParserChain.local(new LocalStoryParser()), new InMemoryKnowledgeGraph(),
        new VectorMemory(List.of(EMBEDDER), new InMemoryVectorStore()), PlannerChain.local(new ShotPlanner()),
        Fixtures.generator(illustrator, Narrator.of(new MaryTtsVoice(), new FreeTtsVoice()).withDialogue(MaryTtsVoice.character()), store),
        new VideoEditor(store, Fixtures.MUSIC), new VideoProbe(), new Critic(CriticSettings.DEFAULTS), store);
  }
}
