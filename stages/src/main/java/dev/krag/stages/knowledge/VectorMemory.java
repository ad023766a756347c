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
 * and kept in the vector store. The planner asks it, for every shot, which earlier shot of the run
 * it most resembles, and carries that echo into the image prompt so a recurring moment (the
 * pebbles, the witch's house) is drawn as a return rather than as something new.
 */
public final class VectorMemory {

  /** How alike two narrations must be (cosine) before one is an echo of the other. */
  static final double ECHO_SIMILARITY = 0.6;
  static final int CANDIDATES = 5;

  private final Embedder embedder;
  private final VectorStore store;

  public VectorMemory(Embedder embedder, VectorStore store) {
    this.embedder = embedder;
    this.store = store;
    store.ensureCollection(VectorStore.TEXT_KNOWLEDGE, embedder.dimensions());
    store.ensureCollection(VectorStore.VIDEO_KNOWLEDGE, embedder.dimensions());
  }

  public void rememberScenes(String runId, List<Scene> scenes) {
    for (Scene scene : scenes) {
      store.upsert(VectorStore.TEXT_KNOWLEDGE, runId + "/" + scene.getId(), embedder.embed(scene.getText()),
          Map.of(VectorStore.RUN_ID, runId, "scene_id", scene.getId()));
    }
  }

  /** The shots, remembered, each with the echo of the earlier shot it most resembles, if any. */
  public List<Shot> withEchoes(String runId, List<Shot> shots) {
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
      Optional<VectorStore.Match> echo = store.nearest(VectorStore.VIDEO_KNOWLEDGE, vectors.get(i), CANDIDATES,
              Map.of(VectorStore.RUN_ID, runId)).stream()
          .filter(m -> Integer.parseInt(m.payload().get("index")) < shot.getIndex() && m.score() >= ECHO_SIMILARITY)
          .findFirst();
      echoed.add(echo.map(m -> Shot.newBuilder(shot).setImagePrompt(shot.getImagePrompt() + String.format(Locale.ROOT,
          " Echoes %s (similarity %.2f): %s", m.payload().get("shot_id"), m.score(), Words.first(m.payload().get("narration"), 10)))
          .build()).orElse(shot));
    }
    return echoed;
  }
}
