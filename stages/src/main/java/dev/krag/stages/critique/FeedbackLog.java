package dev.krag.stages.critique;

import dev.krag.schemas.AvroJson;
import dev.krag.schemas.Critique;
import dev.krag.schemas.CritiqueHistory;
import dev.krag.stages.store.AssetKeys;
import dev.krag.stages.store.AssetStore;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code artifacts/{run_id}/feedback.json}: every iteration's scores, issues and checks. A critique
 * written again for the same iteration (a redelivered record) replaces its entry, so the file
 * holds each iteration once.
 */
public final class FeedbackLog {

  private final AssetStore store;

  public FeedbackLog(AssetStore store) {
    this.store = store;
  }

  public void record(Critique critique) throws IOException {
    String key = AssetKeys.feedback(critique.getRunId());
    List<Critique> iterations = new ArrayList<>();
    if (store.exists(key)) {
      AvroJson.read(Files.readAllBytes(store.localPath(key)), CritiqueHistory.class).getIterations().stream()
          .filter(c -> c.getIteration() != critique.getIteration()).forEach(iterations::add);
    }
    iterations.add(critique);
    iterations.sort(Comparator.comparingInt(Critique::getIteration));
    store.write(key, AvroJson.write(new CritiqueHistory(critique.getRunId(), iterations)));
  }
}
