package dev.krag.stages.knowledge;

import java.util.List;

/** Every Cypher statement krag runs, in one place (README points here). */
public final class Cypher {

  /** The platform spec's indexes, plus uniqueness of node ids so MERGE stays fast and exact. */
  public static final List<String> SCHEMA = List.of(
      "CREATE INDEX scene_id IF NOT EXISTS FOR (s:Scene) ON (s.id)",
      "CREATE INDEX character_name IF NOT EXISTS FOR (c:Character) ON (c.name)",
      "CREATE INDEX story_id IF NOT EXISTS FOR (st:Story) ON (st.id)",
      "CREATE INDEX character_id IF NOT EXISTS FOR (c:Character) ON (c.id)",
      "CREATE INDEX location_id IF NOT EXISTS FOR (l:Location) ON (l.id)",
      "CREATE INDEX shot_id IF NOT EXISTS FOR (sh:Shot) ON (sh.id)",
      "CREATE FULLTEXT INDEX scene_content IF NOT EXISTS FOR (s:Scene) ON EACH [s.summary, s.raw_text]");

  static final String AWAIT_INDEXES = "CALL db.awaitIndexes(300)";

  /** Formatted with the collection (index name), its label and the vector size. */
  static final String CREATE_VECTOR_INDEX = """
      CREATE VECTOR INDEX %s IF NOT EXISTS FOR (n:%s) ON n.embedding
      OPTIONS {indexConfig: {`vector.dimensions`: %d, `vector.similarity_function`: 'cosine'}}
      """;

  static final String VECTOR_INDEX_DIMENSIONS = """
      SHOW VECTOR INDEXES YIELD name, options WHERE name = $name
      RETURN options.indexConfig['vector.dimensions'] AS dimensions
      """;

  /** Formatted with the collection's label. */
  static final String UPSERT_VECTOR = """
      MERGE (n:%s {id: $id})
      SET n = $payload, n.id = $id
      WITH n
      CALL db.create.setNodeVectorProperty(n, 'embedding', $vector)
      """;

  /** Neo4j scores cosine as (1 + cos) / 2; the store's contract speaks cosine itself. */
  static final String NEAREST_VECTORS = """
      CALL db.index.vector.queryNodes($index, $candidates, $vector) YIELD node, score
      WHERE all(key IN keys($filter) WHERE node[key] = $filter[key])
      RETURN node.id AS id, node {.*, embedding: null} AS properties, 2 * score - 1 AS score
      ORDER BY score DESC LIMIT $k
      """;

  /** A run's story, scenes, characters, places and relations, merged by id in one transaction. */
  static final String STORE_SCENES = """
      MERGE (st:Story {id: $storyId}) SET st.title = $title
      WITH st
      CALL (st) {
        UNWIND $locations AS l
        MERGE (loc:Location {id: l.id})
        SET loc.local_id = l.localId, loc.run_id = $runId, loc.order = l.order, loc.name = l.name,
            loc.description = l.description
      }
      CALL (st) {
        UNWIND $characters AS c
        MERGE (ch:Character {id: c.id})
        SET ch.local_id = c.localId, ch.run_id = $runId, ch.order = c.order, ch.name = c.name, ch.aliases = c.aliases,
            ch.description = c.description
      }
      CALL (st) {
        UNWIND $scenes AS s
        MERGE (sc:Scene {id: s.id})
        SET sc.local_id = s.localId, sc.run_id = $runId, sc.index = s.index, sc.title = s.title,
            sc.summary = s.summary, sc.raw_text = s.text, sc.start_offset = s.start, sc.end_offset = s.end
        MERGE (st)-[h:HAS_SCENE {run_id: $runId}]->(sc) SET h.order = s.index
        WITH sc, s
        OPTIONAL MATCH (loc:Location {id: s.locationId})
        FOREACH (_ IN CASE WHEN loc IS NULL THEN [] ELSE [1] END | MERGE (sc)-[:SET_IN]->(loc))
        WITH sc, s
        UNWIND s.characterIds AS characterId
        MATCH (ch:Character {id: characterId})
        MERGE (ch)-[:APPEARS_IN]->(sc)
      }
      CALL (st) {
        UNWIND range(0, size($scenes) - 2) AS i
        MATCH (a:Scene {id: $scenes[i].id}), (b:Scene {id: $scenes[i + 1].id})
        MERGE (a)-[:NEXT]->(b)
      }
      CALL (st) {
        UNWIND $relations AS r
        MATCH (a:Character {id: r.from}), (b:Character {id: r.to})
        MERGE (a)-[rel:RELATED_TO {kind: r.kind}]->(b)
      }
      """;

  /** A run's shots and what each depicts: its scene, its place, its characters. */
  static final String STORE_SHOTS = """
      UNWIND $shots AS s
      MERGE (sh:Shot {id: s.id})
      SET sh.local_id = s.localId, sh.run_id = $runId, sh.index = s.index, sh.duration_seconds = s.duration,
          sh.camera = s.camera, sh.narration = s.narration, sh.image_prompt = s.imagePrompt
      WITH sh, s
      MATCH (sc:Scene {id: s.sceneId})
      MERGE (sh)-[:DEPICTS]->(sc)
      WITH sh, s
      OPTIONAL MATCH (loc:Location {id: s.locationId})
      FOREACH (_ IN CASE WHEN loc IS NULL THEN [] ELSE [1] END | MERGE (sh)-[:DEPICTS]->(loc))
      WITH sh, s
      UNWIND s.characterIds AS characterId
      MATCH (ch:Character {id: characterId})
      MERGE (sh)-[:DEPICTS]->(ch)
      """;

  static final String TITLE = """
      MATCH (st:Story)-[:HAS_SCENE {run_id: $runId}]->(:Scene) RETURN st.title AS title LIMIT 1
      """;

  static final String SCENES = """
      MATCH (:Story)-[h:HAS_SCENE {run_id: $runId}]->(sc:Scene)
      OPTIONAL MATCH (sc)-[:SET_IN]->(loc:Location)
      OPTIONAL MATCH (ch:Character)-[:APPEARS_IN]->(sc)
      WITH h, sc, loc, ch ORDER BY ch.order
      WITH h, sc, loc, collect(ch.local_id) AS characterIds
      RETURN sc.local_id AS localId, h.order AS index, sc.title AS title, sc.summary AS summary,
             loc.local_id AS locationId, characterIds, sc.raw_text AS text, sc.start_offset AS start, sc.end_offset AS end
      ORDER BY index
      """;

  static final String CHARACTERS = """
      MATCH (ch:Character {run_id: $runId})
      RETURN ch.local_id AS localId, ch.name AS name, ch.aliases AS aliases, ch.description AS description
      ORDER BY ch.order
      """;

  static final String LOCATIONS = """
      MATCH (loc:Location {run_id: $runId})
      RETURN loc.local_id AS localId, loc.name AS name, loc.description AS description ORDER BY loc.order
      """;

  static final String RELATIONS = """
      MATCH (a:Character {run_id: $runId})-[r:RELATED_TO]->(b:Character)
      RETURN a.local_id AS from, b.local_id AS to, r.kind AS kind
      """;

  static final String NODE_COUNTS = """
      MATCH (n {run_id: $runId}) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label
      """;

  static final String RELATIONSHIP_COUNTS = """
      MATCH (n {run_id: $runId})-[r]-() RETURN type(r) AS type, count(DISTINCT r) AS n ORDER BY type
      """;

  private Cypher() {}
}
