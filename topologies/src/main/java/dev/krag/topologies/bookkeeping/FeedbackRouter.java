package dev.krag.topologies.bookkeeping;

import dev.krag.schemas.Feedback;
import dev.krag.schemas.FeedbackAction;
import dev.krag.schemas.RunEventType;
import dev.krag.schemas.ShotAssetsProgress;
import dev.krag.schemas.Stage;
import dev.krag.topologies.Outputs;
import dev.krag.topologies.RunEvents;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A person's word: a rejected shot is rendered again with the comment as its hint, and a change
 * of the whole run renders every shot again with it; an approval is recorded.
 */
final class FeedbackRouter extends BookkeepingProcessors.RunKeyed<Feedback> {

  @Override
  void handle(String runId, Feedback feedback, Outputs out) {
    KeyValueStore<String, ShotAssetsProgress> progress = store(BookkeepingTopology.SHOT_ASSETS);
    Map<String, String> hints = switch (feedback.getAction()) {
      case REJECT_SHOT -> Map.of(feedback.getShotId(), feedback.getComment());
      case REVISE_RUN -> everyShot(progress.get(runId), feedback.getComment());
      case APPROVE_SHOT -> Map.of();
    };
    if (!hints.isEmpty() && Routing.refine(progress, store(BookkeepingTopology.RUN_COSTS), runId, hints,
        "feedback " + feedback.getFeedbackId(), out)) {
      return;
    }
    String target = feedback.getAction() == FeedbackAction.REVISE_RUN ? "the run" : feedback.getShotId();
    RunEvents.send(out, runId, Stage.RUN, RunEventType.FEEDBACK, 0, feedback.getFeedbackId(),
        "feedback " + feedback.getAction() + " on " + target + " recorded"
            + (hints.isEmpty() ? "" : " (not refined: the run is busy or has no such shot)"),
        Map.of("feedback." + feedback.getFeedbackId(), feedback.getAction().name()));
  }

  private static Map<String, String> everyShot(ShotAssetsProgress progress, String hint) {
    return progress == null ? Map.of() : progress.getShots().stream()
        .collect(Collectors.toMap(s -> s.getTask().getShot().getShotId(), s -> hint, (a, b) -> a));
  }
}
