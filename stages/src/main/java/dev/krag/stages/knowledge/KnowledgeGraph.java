package dev.krag.stages.knowledge;

import dev.krag.schemas.Shot;
import dev.krag.stages.parse.SceneGraph;
import java.util.List;

/**
 * The knowledge behind a run: its story, scenes, characters, places and shots, and how they relate.
 * Writes merge by id, so storing the same graph again changes nothing; reads give the planner the
 * canonical facts every shot reuses.
 */
public interface KnowledgeGraph {

  /** Stores a run's scene graph: Story, Scene, Character, Location nodes and their relations. */
  void storeScenes(String runId, String storyId, SceneGraph graph);

  /** Stores a run's shots and what each depicts. */
  void storeShots(String runId, List<Shot> shots);

  /** The run's scene graph as the knowledge graph holds it (canonical descriptions included). */
  SceneGraph sceneGraph(String runId);

  /** How many nodes and relationships of each kind a run has, for people and tests. */
  GraphSummary summary(String runId);
}
