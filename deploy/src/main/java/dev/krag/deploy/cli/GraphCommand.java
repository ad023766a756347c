package dev.krag.deploy.cli;

import dev.krag.deploy.KnowledgeGraphConnection;
import dev.krag.deploy.KragConfig;
import dev.krag.stages.knowledge.GraphSummary;
import dev.krag.stages.parse.SceneGraph;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code krag graph RUN_ID}: what the knowledge graph holds of a run. */
final class GraphCommand {

  private GraphCommand() {}

  static int run(String runId, boolean json, KragConfig config, PrintStream out) throws UsageException {
    try (KnowledgeGraphConnection connection = KnowledgeGraphConnection.open(config.neo4j(), config.outDir().resolve("neo4j"))) {
      GraphSummary summary = connection.graph().summary(runId);
      if (summary.nodes().isEmpty()) {
        throw new UsageException("the knowledge graph has no run " + runId);
      }
      SceneGraph graph = connection.graph().sceneGraph(runId);
      if (json) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("runId", runId);
        root.put("nodes", summary.nodes());
        root.put("relationships", summary.relationships());
        root.put("graph", ParseCommand.asJson(graph));
        out.println(Json.write(root));
      } else {
        out.printf("%s (%s)%n  nodes         %s%n  relationships %s%n", graph.title(), runId, summary.nodes(), summary.relationships());
        graph.characters().forEach(c -> out.printf("  character %-20s %s%n", c.getName(), c.getDescription()));
        graph.scenes().forEach(s -> out.printf("  %s  %-16s %s%n", s.getId(), s.getLocationId(), s.getSummary()));
      }
      return 0;
    }
  }
}
