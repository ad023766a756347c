package dev.krag.topologies.bookkeeping;

import dev.krag.schemas.CheckResult;
import dev.krag.schemas.Critique;
import dev.krag.schemas.RunEventType;
import dev.krag.schemas.ShotAssetsProgress;
import dev.krag.schemas.Stage;
import dev.krag.topologies.Outputs;
import dev.krag.topologies.RunEvents;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.streams.state.KeyValueStore;

/** Acts on the critic's verdict: complete the run, fail it, or refine the shots at fault. */
final class CritiqueRouter extends BookkeepingProcessors.RunKeyed<Critique> {

  @Override
  void handle(String runId, Critique critique, Outputs out) {
    KeyValueStore<String, ShotAssetsProgress> progress = store(BookkeepingTopology.SHOT_ASSETS);
    ShotAssetsProgress current = progress.get(runId);
    if (current != null && critique.getIteration() < current.getIteration()) {
      return; // a redelivered verdict on a draft that a refinement has already replaced
    }
    String failed = critique.getChecks().stream().filter(c -> !c.getPassed())
        .map(c -> c.getName() + " (" + c.getDetail() + ")").collect(Collectors.joining("; "));
    switch (critique.getVerdict()) {
      case ACCEPT -> RunEvents.send(out, runId, Stage.RUN, RunEventType.COMPLETED, critique.getIteration(),
          failed.isEmpty() ? "accepted" : "accepted with issues: " + failed,
          Map.of("video", critique.getVideoPath(),
              "durationSeconds", String.format(Locale.ROOT, "%.3f", critique.getDurationSeconds()),
              "score", String.format(Locale.ROOT, "%.3f", critique.getScore()),
              "verdict", critique.getVerdict().name()));
      case REJECT -> RunEvents.send(out, runId, Stage.RUN, RunEventType.FAILED, critique.getIteration(),
          "rejected by the critic: " + failed, Map.of("verdict", critique.getVerdict().name()));
      case REFINE -> {
        if (!Routing.refine(progress, store(BookkeepingTopology.RUN_COSTS), runId, hintsByShot(critique), "critic", out)) {
          RunEvents.send(out, runId, Stage.RUN, RunEventType.FAILED, critique.getIteration(),
              "the critic asked to refine shots the run does not have: " + critique.getShotsAtFault(), Map.of());
        }
      }
    }
  }

  /** Each shot at fault with what the checks that blame it said, so a shot is redone for its own faults. */
  private static Map<String, String> hintsByShot(Critique critique) {
    Map<String, String> hints = new LinkedHashMap<>();
    critique.getShotsAtFault().forEach(shot -> hints.put(shot, critique.getChecks().stream()
        .filter(c -> !c.getPassed() && c.getShotIds().contains(shot))
        .map(CheckResult::getDetail).collect(Collectors.joining("; "))));
    return hints;
  }
}
