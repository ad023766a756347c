package dev.krag.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krag.deploy.KragConfig.Neo4jSettings;
import dev.krag.schemas.RunConfig;
import dev.krag.schemas.Shot;
import dev.krag.schemas.StoryCharacter;
import dev.krag.stages.knowledge.GraphSummary;
import dev.krag.stages.knowledge.KnowledgeGraph;
import dev.krag.stages.knowledge.Neo4jVectorStore;
import dev.krag.stages.knowledge.VectorStore;
import dev.krag.stages.parse.LocalStoryParser;
import dev.krag.stages.parse.SceneGraph;
import dev.krag.stages.plan.ShotPlanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The knowledge graph on a real (embedded) Neo4j, reached over Bolt as an external one would be. */
class KnowledgeGraphIT {

  @TempDir static Path home;
  private static KnowledgeGraphConnection connection;
  private static SceneGraph hansel;

  @BeforeAll
  static void start() throws Exception {
    connection = KnowledgeGraphConnection.open(new Neo4jSettings("", "neo4j", "", "neo4j"), home);
    String all = Files.readString(Path.of(System.getProperty("krag.stories", "../../shared/stories"), "grimm",
        "18-hansel-and-gretel.txt"));
    int newline = all.indexOf('\n');
    hansel = new LocalStoryParser().parse(all.substring(0, newline).strip(), all.substring(newline + 1));
  }

  @AfterAll
  static void stop() {
    connection.close();
  }

  @Test
  void thePlatformsIndexesExist() {
    Set<String> indexes = connection.driver().executableQuery("SHOW INDEXES YIELD name, type, state RETURN name, type, state")
        .execute().records().stream().map(r -> r.get("name").asString()).collect(Collectors.toSet());

    assertThat(indexes).contains("scene_id", "character_name", "story_id", "scene_content");
  }

  @Test
  void storingARunTwiceChangesNothing() {
    KnowledgeGraph graph = connection.graph();
    List<Shot> shots = new ShotPlanner().plan(hansel, RunConfig.newBuilder().build());

    graph.storeScenes("run-kg-1", "story-hansel", hansel);
    graph.storeShots("run-kg-1", shots);
    GraphSummary once = graph.summary("run-kg-1");
    graph.storeScenes("run-kg-1", "story-hansel", hansel);
    graph.storeShots("run-kg-1", shots);
    GraphSummary twice = graph.summary("run-kg-1");

    assertThat(twice).isEqualTo(once);
    assertThat(once.nodes()).containsEntry("Scene", (long) hansel.scenes().size())
        .containsEntry("Character", (long) hansel.characters().size())
        .containsEntry("Shot", (long) shots.size());
    assertThat(once.relationships()).containsKeys("HAS_SCENE", "NEXT", "APPEARS_IN", "SET_IN", "DEPICTS");
    assertThat(once.relationships().get("NEXT")).isEqualTo(hansel.scenes().size() - 1L);
  }

  @Test
  void theGraphGivesBackTheSceneGraphItWasGiven() {
    connection.graph().storeScenes("run-kg-2", "story-hansel", hansel);

    SceneGraph back = connection.graph().sceneGraph("run-kg-2");

    assertThat(back.title()).isEqualTo(hansel.title());
    assertThat(back.scenes()).isEqualTo(hansel.scenes());
    assertThat(back.characters()).isEqualTo(hansel.characters());
    assertThat(back.locations()).isEqualTo(hansel.locations());
  }

  @Test
  void neo4jsVectorIndexFindsTheNearestWithinARunAndAnUpsertReplaces() {
    VectorStore store = new Neo4jVectorStore(connection.driver(), "neo4j");
    store.ensureCollection(VectorStore.VIDEO_KNOWLEDGE, 3);

    store.upsert(VectorStore.VIDEO_KNOWLEDGE, "run-v/a", new float[] {1, 0, 0}, Map.of("run_id", "run-v", "shot_id", "a"));
    store.upsert(VectorStore.VIDEO_KNOWLEDGE, "run-v/b", new float[] {0, 1, 0}, Map.of("run_id", "run-v", "shot_id", "b"));
    store.upsert(VectorStore.VIDEO_KNOWLEDGE, "run-w/c", new float[] {1, 0.01f, 0}, Map.of("run_id", "run-w", "shot_id", "c"));
    store.upsert(VectorStore.VIDEO_KNOWLEDGE, "run-v/a", new float[] {1, 0, 0}, Map.of("run_id", "run-v", "shot_id", "a"));

    List<VectorStore.Match> nearest = store.nearest(VectorStore.VIDEO_KNOWLEDGE, new float[] {0.9f, 0.1f, 0}, 5, Map.of("run_id", "run-v"));
    assertThat(nearest).extracting(VectorStore.Match::id).containsExactly("run-v/a", "run-v/b");
    assertThat(nearest.getFirst().payload()).containsEntry("shot_id", "a");
    assertThat(nearest.getFirst().score()).isGreaterThan(nearest.get(1).score());
    long stored = connection.driver().executableQuery("MATCH (n:VideoKnowledge {id: 'run-v/a'}) RETURN count(n) AS n")
        .execute().records().getFirst().get("n").asLong();
    assertThat(stored).isEqualTo(1);
  }

  @Test
  void twoShotsOfTheSameCharacterCarryTheSameCanonicalDescription() {
    connection.graph().storeScenes("run-kg-3", "story-hansel", hansel);
    SceneGraph grounded = connection.graph().sceneGraph("run-kg-3");
    List<Shot> shots = new ShotPlanner().plan(grounded, RunConfig.newBuilder().build());
    StoryCharacter gretel = grounded.characters().stream().filter(c -> c.getName().equals("Gretel")).findFirst().orElseThrow();

    List<Shot> withGretel = shots.stream().filter(s -> s.getCharacterIds().contains(gretel.getId())).toList();

    assertThat(withGretel).hasSizeGreaterThan(1);
    String described = gretel.getName() + ": " + gretel.getDescription();
    assertThat(withGretel).allSatisfy(s -> assertThat(s.getImagePrompt()).contains(described));
    Map<String, Object> stored = connection.driver().executableQuery(
        "MATCH (c:Character {id: $id}) RETURN c.description AS d").withParameters(Map.of("id", "run-kg-3/" + gretel.getId()))
        .execute().records().getFirst().asMap();
    assertThat(stored).containsEntry("d", gretel.getDescription());
  }
}
