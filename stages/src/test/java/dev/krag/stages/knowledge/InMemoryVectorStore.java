package dev.krag.stages.knowledge;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Test profile: exact cosine search over maps, for tests that run without a database. */
public final class InMemoryVectorStore implements VectorStore {

  private record Stored(float[] vector, Map<String, String> payload) {}

  private final Map<String, Map<String, Stored>> collections = new ConcurrentHashMap<>();

  @Override
  public void ensureCollection(String collection, int dimensions) {
    collections.computeIfAbsent(collection, c -> new ConcurrentHashMap<>());
  }

  @Override
  public void upsert(String collection, String id, float[] vector, Map<String, String> payload) {
    collections.get(collection).put(id, new Stored(vector.clone(), Map.copyOf(payload)));
  }

  /** The ids a collection holds. */
  public Set<String> ids(String collection) {
    return Set.copyOf(collections.get(collection).keySet());
  }

  @Override
  public List<Match> nearest(String collection, float[] vector, int k, Map<String, String> filter) {
    return collections.get(collection).entrySet().stream()
        .filter(e -> e.getValue().payload().entrySet().containsAll(filter.entrySet()))
        .map(e -> new Match(e.getKey(), e.getValue().payload(), cosine(vector, e.getValue().vector())))
        .sorted(Comparator.comparingDouble(Match::score).reversed())
        .limit(k)
        .toList();
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }
}
