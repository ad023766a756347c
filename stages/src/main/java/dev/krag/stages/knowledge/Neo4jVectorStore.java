package dev.krag.stages.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.Record;

/**
 * Vectors in Neo4j's native vector index: each collection is a label ({@code text_knowledge} →
 * {@code :TextKnowledge}) with a cosine index on its {@code embedding}; the payload is kept as
 * properties prefixed {@code p_}. Search asks the index for more than {@code k} and filters after,
 * since the index itself knows nothing of payloads.
 */
public final class Neo4jVectorStore implements VectorStore {

  /** How many more candidates than asked for are read before filtering. */
  static final int OVERFETCH = 10;

  private final Driver driver;
  private final QueryConfig config;

  public Neo4jVectorStore(Driver driver, String database) {
    this.driver = driver;
    this.config = QueryConfig.builder().withDatabase(database).build();
  }

  @Override
  public void ensureCollection(String collection, int dimensions) {
    SchemaStatements.create(driver, config, String.format(Locale.ROOT, Cypher.CREATE_VECTOR_INDEX, collection, label(collection), dimensions));
    driver.executableQuery(Cypher.AWAIT_INDEXES).withConfig(config).execute();
    long existing = driver.executableQuery(Cypher.VECTOR_INDEX_DIMENSIONS).withParameters(Map.of("name", collection))
        .withConfig(config).execute().records().getFirst().get("dimensions").asLong();
    if (existing != dimensions) {
      // An index made for another embedding model: its vectors do not compare with the new ones.
      throw new IllegalStateException("vector index " + collection + " holds " + existing + "-dimensional vectors, the embedding "
          + "model makes " + dimensions + ": drop the index (DROP INDEX " + collection + ") or keep the model it was made for");
    }
  }

  @Override
  public void upsert(String collection, String id, float[] vector, Map<String, String> payload) {
    driver.executableQuery(String.format(Locale.ROOT, Cypher.UPSERT_VECTOR, label(collection)))
        .withParameters(Map.of("id", id, "vector", toList(vector), "payload", prefixed(payload)))
        .withConfig(config).execute();
  }

  @Override
  public List<Match> nearest(String collection, float[] vector, int k, Map<String, String> filter) {
    List<Record> records = driver.executableQuery(Cypher.NEAREST_VECTORS)
        .withParameters(Map.of("index", collection, "candidates", k * OVERFETCH, "vector", toList(vector),
            "filter", prefixed(filter), "k", k))
        .withConfig(config).execute().records();
    List<Match> matches = new ArrayList<>();
    for (Record r : records) {
      Map<String, String> payload = new java.util.LinkedHashMap<>();
      r.get("properties").asMap().forEach((key, value) -> {
        if (key.startsWith("p_")) {
          payload.put(key.substring(2), String.valueOf(value));
        }
      });
      matches.add(new Match(r.get("id").asString(), payload, r.get("score").asDouble()));
    }
    return matches;
  }

  private static String label(String collection) {
    StringBuilder label = new StringBuilder();
    for (String part : collection.split("_")) {
      label.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return label.toString();
  }

  private static Map<String, Object> prefixed(Map<String, String> payload) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    payload.forEach((k, v) -> out.put("p_" + k, v));
    return out;
  }

  private static List<Double> toList(float[] vector) {
    List<Double> list = new ArrayList<>(vector.length);
    for (float f : vector) {
      list.add((double) f);
    }
    return list;
  }
}
