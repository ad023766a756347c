package dev.krag.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krag.deploy.KragConfig.Neo4jSettings;
import dev.krag.schemas.RunConfig;
import dev.krag.schemas.Shot;
import dev.krag.schemas.StoryCharacter;
import dev.krag.stages.knowledge.GraphSummary;
import dev.krag.stages.knowledge.KnowledgeGraph;
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
