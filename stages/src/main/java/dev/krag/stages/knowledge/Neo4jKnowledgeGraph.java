package dev.krag.stages.knowledge;

import dev.krag.schemas.Location;
import dev.krag.schemas.Relation;
import dev.krag.schemas.Scene;
import dev.krag.schemas.Shot;
import dev.krag.schemas.StoryCharacter;
import dev.krag.stages.parse.SceneGraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.neo4j.driver.Driver;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.Record;

/**
 * The knowledge graph in Neo4j, through the Bolt driver. Every node carries a global {@code id}
 * ({@code runId/localId}, the story's own id for a Story) and is written with MERGE, so a replayed
 * record leaves the graph as it was. The Cypher is in {@link Cypher}.
 */
public final class Neo4jKnowledgeGraph implements KnowledgeGraph {

  private final Driver driver;
  private final QueryConfig config;

  public Neo4jKnowledgeGraph(Driver driver, String database) {
    this.driver = driver;
    this.config = QueryConfig.builder().withDatabase(database).build();
  }

  /** Creates the platform's indexes if they are missing. */
  public Neo4jKnowledgeGraph ensureSchema() {
    Cypher.SCHEMA.forEach(statement -> SchemaStatements.create(driver, config, statement));
    driver.executableQuery(Cypher.AWAIT_INDEXES).withConfig(config).execute();
    return this;
  }

  @Override
  public void storeScenes(String runId, String storyId, SceneGraph graph) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("runId", runId);
    params.put("storyId", storyId);
    params.put("title", graph.title());
    params.put("scenes", graph.scenes().stream().map(s -> scene(runId, s)).toList());
    params.put("characters", IntStream.range(0, graph.characters().size())
        .mapToObj(i -> character(runId, graph.characters().get(i), i)).toList());
    params.put("locations", IntStream.range(0, graph.locations().size())
        .mapToObj(i -> location(runId, graph.locations().get(i), i)).toList());
    params.put("relations", graph.relations().stream().map(r -> relation(runId, r)).toList());
    driver.executableQuery(Cypher.STORE_SCENES).withParameters(params).withConfig(config).execute();
  }

  @Override
  public void storeShots(String runId, List<Shot> shots) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Shot shot : shots) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", global(runId, shot.getShotId()));
      row.put("localId", shot.getShotId());
      row.put("index", shot.getIndex());
      row.put("duration", shot.getDurationSeconds());
      row.put("camera", shot.getCamera().name());
      row.put("narration", shot.getNarration());
      row.put("imagePrompt", shot.getImagePrompt());
      row.put("sceneId", global(runId, shot.getSceneId()));
      row.put("locationId", global(runId, shot.getLocationId()));
      row.put("characterIds", shot.getCharacterIds().stream().map(id -> global(runId, id)).toList());
      rows.add(row);
    }
    driver.executableQuery(Cypher.STORE_SHOTS).withParameters(Map.of("runId", runId, "shots", rows)).withConfig(config).execute();
  }

  @Override
  public SceneGraph sceneGraph(String runId) {
    Map<String, Object> params = Map.of("runId", runId);
    String title = driver.executableQuery(Cypher.TITLE).withParameters(params).withConfig(config).execute()
        .records().stream().findFirst().map(r -> r.get("title").asString()).orElse("");
    List<Scene> scenes = query(Cypher.SCENES, params).stream().map(r -> Scene.newBuilder()
        .setId(r.get("localId").asString())
        .setIndex(r.get("index").asInt())
        .setTitle(r.get("title").asString())
        .setSummary(r.get("summary").asString())
        .setLocationId(r.get("locationId").asString(""))
        .setCharacterIds(r.get("characterIds").asList(v -> v.asString()))
        .setText(r.get("text").asString())
        .setStartOffset(r.get("start").asInt())
        .setEndOffset(r.get("end").asInt())
        .build()).toList();
    List<StoryCharacter> characters = query(Cypher.CHARACTERS, params).stream().map(r -> StoryCharacter.newBuilder()
        .setId(r.get("localId").asString())
        .setName(r.get("name").asString())
        .setAliases(r.get("aliases").asList(v -> v.asString()))
        .setDescription(r.get("description").asString())
        .build()).toList();
    List<Location> locations = query(Cypher.LOCATIONS, params).stream().map(r -> Location.newBuilder()
        .setId(r.get("localId").asString())
        .setName(r.get("name").asString())
        .setDescription(r.get("description").asString())
        .build()).toList();
    List<Relation> relations = query(Cypher.RELATIONS, params).stream().map(r -> new Relation(
        r.get("from").asString(), r.get("to").asString(), r.get("kind").asString())).toList();
    return new SceneGraph(title, scenes, characters, locations, relations);
  }

  @Override
  public GraphSummary summary(String runId) {
    Map<String, Long> nodes = new LinkedHashMap<>();
    query(Cypher.NODE_COUNTS, Map.of("runId", runId)).forEach(r -> nodes.put(r.get("label").asString(), r.get("n").asLong()));
    Map<String, Long> relationships = new LinkedHashMap<>();
    query(Cypher.RELATIONSHIP_COUNTS, Map.of("runId", runId))
        .forEach(r -> relationships.put(r.get("type").asString(), r.get("n").asLong()));
    return new GraphSummary(nodes, relationships);
  }

  private List<Record> query(String cypher, Map<String, Object> params) {
    return driver.executableQuery(cypher).withParameters(params).withConfig(config).execute().records();
  }

  private static String global(String runId, String localId) {
    return runId + "/" + localId;
  }

  private static Map<String, Object> scene(String runId, Scene s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", global(runId, s.getId()));
    m.put("localId", s.getId());
    m.put("index", s.getIndex());
    m.put("title", s.getTitle());
    m.put("summary", s.getSummary());
    m.put("text", s.getText());
    m.put("start", s.getStartOffset());
    m.put("end", s.getEndOffset());
    m.put("locationId", global(runId, s.getLocationId()));
    m.put("characterIds", s.getCharacterIds().stream().map(id -> global(runId, id)).toList());
    return m;
  }

  /** @param order the character's place in the parse (first mention first), kept so reads come back in it */
  private static Map<String, Object> character(String runId, StoryCharacter c, int order) {
    return Map.of("id", global(runId, c.getId()), "localId", c.getId(), "order", order, "name", c.getName(),
        "aliases", List.copyOf(c.getAliases()), "description", c.getDescription());
  }

  private static Map<String, Object> location(String runId, Location l, int order) {
    return Map.of("id", global(runId, l.getId()), "localId", l.getId(), "order", order, "name", l.getName(),
        "description", l.getDescription());
  }

  private static Map<String, Object> relation(String runId, Relation r) {
    return Map.of("from", global(runId, r.getFromCharacterId()), "to", global(runId, r.getToCharacterId()), "kind", r.getKind());
  }
}
