package dev.krag.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krag.deploy.KragConfig.Neo4jSettings;
import dev.krag.stages.knowledge.Neo4jVectorStore;
import dev.krag.stages.knowledge.VectorStore;
import dev.krag.stages.knowledge.VectorStoreContract;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vector store contract on Neo4j's native vector index, the embedded default's store. */
class Neo4jVectorStoreIT extends VectorStoreContract {

  @TempDir static Path home;
  private static KnowledgeGraphConnection connection;

  @BeforeAll
  static void start() {
    connection = KnowledgeGraphConnection.open(new Neo4jSettings("", "neo4j", "", "neo4j"), home);
  }

  @AfterAll
  static void stop() {
    connection.close();
  }

  @Override
  protected VectorStore store() {
    return new Neo4jVectorStore(connection.driver(), "neo4j");
  }

  @Test
  void anUpsertKeepsOneNodePerId() {
    store().ensureCollection(VectorStore.VIDEO_KNOWLEDGE, 2);

    store().upsert(VectorStore.VIDEO_KNOWLEDGE, "run-n/a", new float[] {1, 0}, Map.of(VectorStore.RUN_ID, "run-n"));
    store().upsert(VectorStore.VIDEO_KNOWLEDGE, "run-n/a", new float[] {0, 1}, Map.of(VectorStore.RUN_ID, "run-n"));

    long stored = connection.driver().executableQuery("MATCH (n:VideoKnowledge {id: 'run-n/a'}) RETURN count(n) AS n")
        .execute().records().getFirst().get("n").asLong();
    assertThat(stored).isEqualTo(1);
  }

  @Test
  void anIndexMadeForAnotherModelIsNotSilentlyReused() {
    store().ensureCollection("sized_knowledge", 3);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> store().ensureCollection("sized_knowledge", 5))
        .hasMessageContaining("3-dimensional").hasMessageContaining("makes 5");
  }
}
