package dev.krag.stages.knowledge;

import dev.krag.schemas.Scene;
import dev.krag.schemas.Shot;
import dev.krag.stages.cost.Budget;
import dev.krag.stages.cost.BudgetExceeded;
import dev.krag.stages.cost.Metered;
import dev.krag.stages.cost.Prices;
import dev.krag.stages.cost.ProviderCall;
import dev.krag.stages.knowledge.Embedder.Embedding;
import dev.krag.stages.llm.ProviderException;
import dev.krag.stages.text.Words;
import java.util.ArrayList;
import java.util.HashMap;
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
 *
 * <p>The embedding models form a fallback chain, tried a run at a time: a run's vectors must all
 * come from one model to compare, so when a remote model fails the whole run is embedded again by
 * the next, into that model's own collections (the first model's are the platform spec's).
 */
public final class VectorMemory {

  /** How alike two narrations must be (cosine) before one is an echo of the other. */
  static final double ECHO_SIMILARITY = 0.6;
  /** How alike a shot and an earlier scene's passage must be before the shot recalls it. */
  static final double RECALL_SIMILARITY = 0.5;
  static final int CANDIDATES = 5;
  /** Characters a token, at the fewest: what a text is assumed to cost before it is embedded. */
  private static final int CHARACTERS_PER_TOKEN = 2;
  /** The run's embeddings are one call in the ledger, per model. */
  private static final String CALL_KEY = "memory";

  /** A model of the chain and the two collections its vectors go to. */
  private record Model(Embedder embedder, String passages, String shots) {}

  private final List<Model> models = new ArrayList<>();
  private final VectorStore store;

  /** @param embedders the models to try in order; the last should not fail (a local model) */
  public VectorMemory(List<Embedder> embedders, VectorStore store) {
    this.store = store;
    for (Embedder embedder : embedders) {
      String suffix = models.isEmpty() ? "" : "_" + embedder.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
      Model model = new Model(embedder, VectorStore.TEXT_KNOWLEDGE + suffix, VectorStore.VIDEO_KNOWLEDGE + suffix);
      store.ensureCollection(model.passages(), embedder.dimensions());
      store.ensureCollection(model.shots(), embedder.dimensions());
      models.add(model);
    }
  }

  /**
   * Remembers the run's passages and shots, and gives back the shots, each with the earlier passage
   * it recalls and the echo of the earlier shot it most resembles, if any is alike enough; with
   * what the embeddings cost, a failed model's included.
   */
  public Metered<List<Shot>> remember(String runId, List<Scene> scenes, List<Shot> shots, Budget budget) {
    List<ProviderCall> spent = new ArrayList<>();
    for (int i = 0; ; i++) {
      Meter meter = new Meter(models.get(i).embedder(), budget);
      try {
        List<Shot> remembered = rememberWith(models.get(i), meter, runId, scenes, shots);
        spent.add(meter.call());
        return new Metered<>(remembered, spent);
      } catch (BudgetExceeded e) {
        spent.add(meter.call());
        throw e.after(spent);
      } catch (ProviderException e) {
        spent.add(meter.call());
        if (i == models.size() - 1) {
          throw e;
        }
      }
    }
  }

  private List<Shot> rememberWith(Model model, Meter meter, String runId, List<Scene> scenes, List<Shot> shots) {
    for (Scene scene : scenes) {
      store.upsert(model.passages(), runId + "/" + scene.getId(), meter.embed(scene.getText()),
          Map.of(VectorStore.RUN_ID, runId, "scene_id", scene.getId(), "index", Integer.toString(scene.getIndex()),
              "summary", scene.getSummary()));
    }
    Map<String, Integer> sceneIndex = new HashMap<>();
    scenes.forEach(scene -> sceneIndex.put(scene.getId(), scene.getIndex()));
    List<float[]> vectors = new ArrayList<>();
    for (Shot shot : shots) {
      float[] vector = meter.embed(shot.getNarration());
      vectors.add(vector);
      store.upsert(model.shots(), runId + "/" + shot.getShotId(), vector,
          Map.of(VectorStore.RUN_ID, runId, "shot_id", shot.getShotId(), "index", Integer.toString(shot.getIndex()),
              "narration", shot.getNarration()));
    }
    List<Shot> echoed = new ArrayList<>();
    for (int i = 0; i < shots.size(); i++) {
      Shot shot = shots.get(i);
      int ownScene = sceneIndex.getOrDefault(shot.getSceneId(), 0);
      StringBuilder prompt = new StringBuilder(shot.getImagePrompt());
      nearestEarlier(model.passages(), runId, vectors.get(i), ownScene, RECALL_SIMILARITY).ifPresent(m ->
          prompt.append(String.format(Locale.ROOT, " Recalls %s (similarity %.2f): %s", m.payload().get("scene_id"), m.score(),
              Words.first(m.payload().get("summary"), 12))));
      nearestEarlier(model.shots(), runId, vectors.get(i), shot.getIndex(), ECHO_SIMILARITY).ifPresent(m ->
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

  /**
   * What one model's embeddings of a run cost: each text checked against the budget before it is
   * sent, the tokens paid added up, and the time taken; one ledger line per model and run.
   */
  private static final class Meter {

    private final Embedder embedder;
    private final String model;
    private final Budget budget;
    private long tokens;
    private int texts;
    private long nanos;

    Meter(Embedder embedder, Budget budget) {
      this.embedder = embedder;
      this.model = ProviderCall.modelOf(embedder.name());
      this.budget = budget;
    }

    float[] embed(String text) {
      budget.check(embedder.name(), Prices.usd(model, text.length() / CHARACTERS_PER_TOKEN + 1, 0));
      long started = System.nanoTime();
      Embedding embedding = embedder.embed(text);
      nanos += System.nanoTime() - started;
      tokens += embedding.tokens();
      texts++;
      budget.charge(Prices.usd(model, embedding.tokens(), 0));
      return embedding.vector();
    }

    /** The local model counts the texts it embedded; a remote one is billed by the token. */
    ProviderCall call() {
      boolean remote = !ProviderCall.isLocal(embedder.name());
      return ProviderCall.of(CALL_KEY, embedder.name(), remote ? tokens : texts, remote ? "token" : "text",
          Prices.usd(model, tokens, 0), nanos / 1e9, remote && tokens == 0);
    }
  }
}
