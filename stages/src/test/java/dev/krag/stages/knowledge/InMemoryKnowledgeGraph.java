package dev.krag.stages.knowledge;

import dev.krag.schemas.Shot;
import dev.krag.stages.parse.SceneGraph;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test profile: the knowledge graph as maps, for TopologyTestDriver tests that run without a
 * database. The Neo4j implementation is tested against a real embedded Neo4j.
 */
public final class InMemoryKnowledgeGraph implements KnowledgeGraph {

  private final Map<String, SceneGraph> scenes = new ConcurrentHashMap<>();
  private final Map<String, List<Shot>> shots = new ConcurrentHashMap<>();

  @Override
  public void storeScenes(String runId, String storyId, SceneGraph graph) {
    scenes.put(runId, graph);
  }

  @Override
  public void storeShots(String runId, List<Shot> list) {
    shots.put(runId, List.copyOf(list));
  }

  @Override
  public SceneGraph sceneGraph(String runId) {
    return scenes.get(runId);
  }

  @Override
  public GraphSummary summary(String runId) {
    SceneGraph g = scenes.get(runId);
    return new GraphSummary(Map.of("Scene", (long) g.scenes().size(), "Character", (long) g.characters().size(),
        "Shot", (long) shots.getOrDefault(runId, List.of()).size()), Map.of());
  }
}
