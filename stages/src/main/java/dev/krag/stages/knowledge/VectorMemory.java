package dev.krag.stages.knowledge;

import dev.krag.schemas.Scene;
import dev.krag.schemas.Shot;
import dev.krag.stages.text.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the pipeline remembers by meaning: each scene's passage and each shot's narration, embedded
 * and kept in the vector store. The planner asks it, for every shot, which earlier passage of the
 * story and which earlier shot it most resembles, and carries both into the image prompt, so a
 * recurring moment (the pebbles, the witch's house) is drawn as a return rather than as something
 * new. The narration itself stays the story's own words.
 */
public final class VectorMemory {

  /** How alike two narrations must be (cosine) before one is an echo of the other. */
  static final double ECHO_SIMILARITY = 0.6;
  /** How alike a shot and an earlier scene's passage must be before the shot recalls it. */
  static final double RECALL_SIMILARITY = 0.5;
  static final int CANDIDATES = 5;

  private final Embedder embedder;
  private final VectorStore store;

  public VectorMemory(Embedder embedder, VectorStore store) {
    this.embedder = embedder;
    this.store = store;
    store.ensureCollection(VectorStore.TEXT_KNOWLEDGE, embedder.dimensions());
    store.ensureCollection(VectorStore.VIDEO_KNOWLEDGE, embedder.dimensions());
  }

  /**
   * Remembers the run's passages and shots, and gives back the shots, each with the earlier passage
   * it recalls and the echo of the earlier shot it most resembles, if any is alike enough.
   */
  public List<Shot> remember(String runId, List<Scene> scenes, List<Shot> shots) {
    rememberScenes(runId, scenes);
    Map<String, Integer> sceneIndex = new java.util.HashMap<>();
    scenes.forEach(scene -> sceneIndex.put(scene.getId(), scene.getIndex()));
    return withEchoes(runId, shots, sceneIndex);
  }

  private void rememberScenes(String runId, List<Scene> scenes) {
    for (Scene scene : scenes) {
      store.upsert(VectorStore.TEXT_KNOWLEDGE, runId + "/" + scene.getId(), embedder.embed(scene.getText()),
          Map.of(VectorStore.RUN_ID, runId, "scene_id", scene.getId(), "index", Integer.toString(scene.getIndex()),
              "summary", scene.getSummary()));
    }
  }

  private List<Shot> withEchoes(String runId, List<Shot> shots, Map<String, Integer> sceneIndex) {
    List<float[]> vectors = new ArrayList<>();
    for (Shot shot : shots) {
      float[] vector = embedder.embed(shot.getNarration());
      vectors.add(vector);
      store.upsert(VectorStore.VIDEO_KNOWLEDGE, runId + "/" + shot.getShotId(), vector,
          Map.of(VectorStore.RUN_ID, runId, "shot_id", shot.getShotId(), "index", Integer.toString(shot.getIndex()),
              "narration", shot.getNarration()));
    }
    List<Shot> echoed = new ArrayList<>();
    for (int i = 0; i < shots.size(); i++) {
      Shot shot = shots.get(i);
      int ownScene = sceneIndex.getOrDefault(shot.getSceneId(), 0);
      StringBuilder prompt = new StringBuilder(shot.getImagePrompt());
      nearestEarlier(VectorStore.TEXT_KNOWLEDGE, runId, vectors.get(i), ownScene, RECALL_SIMILARITY).ifPresent(m ->
          prompt.append(String.format(Locale.ROOT, " Recalls %s (similarity %.2f): %s", m.payload().get("scene_id"), m.score(),
              Words.first(m.payload().get("summary"), 12))));
      nearestEarlier(VectorStore.VIDEO_KNOWLEDGE, runId, vectors.get(i), shot.getIndex(), ECHO_SIMILARITY).ifPresent(m ->
          prompt.append(String.format(Locale.ROOT, " Echoes %s (similarity %.2f): %s", m.payload().get("shot_id"), m.score(),
              Words.first(m.payload().get("narration"), 10))));
      echoed.add(Shot.newBuilder(shot).setImagePrompt(prompt.toString()).build());
    }
    return echoed;
  }

  /** The most similar entry of the collection that comes before {@code index} in the run. */
  private Optional<VectorStore.Match> nearestEarlier(String collection, String runId, float[] vector, int index, double threshold) {
    return store.nearest(collection, vector, CANDIDATES, Map.of(VectorStore.RUN_ID, runId)).stream()
        .filter(m -> Integer.parseInt(m.payload().get("index")) < index && m.score() >= threshold)
        .findFirst();
  }
}
