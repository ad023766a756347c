package dev.krag.sinks;

import dev.krag.schemas.AssetKeys;
import dev.krag.schemas.AvroJson;
import dev.krag.schemas.Critique;
import dev.krag.schemas.CritiqueHistory;
import dev.krag.schemas.ScenesParsed;
import dev.krag.schemas.ShotsPlanned;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which artifact a record is, and its JSON (as {@code krag parse --json} prints records): the scene
 * graph, the shot plan, and every critique of the run in {@code feedback.json}. Each is a function
 * of the record and what its object already holds, so a record written twice leaves the same object.
 */
final class Artifacts {

  /** An object to store: its key in the bucket and its body. */
  record Artifact(String key, byte[] json) {}

  /** What an artifact's object holds now, if it exists. */
  interface Stored {
    Optional<byte[]> read(String key) throws IOException;
  }

  private Artifacts() {}

  /** The artifact of {@code record}; an {@link IllegalArgumentException} for a record that is none. */
  static Artifact of(Object record, Stored stored) throws IOException {
    return switch (record) {
      case ScenesParsed graph -> new Artifact(AssetKeys.sceneGraph(graph.getRunId()), AvroJson.write(graph));
      case ShotsPlanned plan -> new Artifact(AssetKeys.shotPlan(plan.getRunId()), AvroJson.write(plan));
      case Critique critique -> feedback(critique, stored);
      default -> throw new IllegalArgumentException("not an artifact: " + record.getClass().getName());
    };
  }

  /** The run's critiques with this one in its iteration's place: a redelivered critique replaces itself. */
  private static Artifact feedback(Critique critique, Stored stored) throws IOException {
    String key = AssetKeys.feedback(critique.getRunId());
    List<Critique> iterations = new ArrayList<>();
    Optional<byte[]> before = stored.read(key);
    if (before.isPresent()) {
      AvroJson.read(before.get(), CritiqueHistory.class).getIterations().stream()
          .filter(c -> c.getIteration() != critique.getIteration())
          .forEach(iterations::add);
    }
    iterations.add(critique);
    iterations.sort(Comparator.comparingInt(Critique::getIteration));
    return new Artifact(key, AvroJson.write(new CritiqueHistory(critique.getRunId(), iterations)));
  }
}
