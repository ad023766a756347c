package dev.krag.topologies.bookkeeping;

import dev.krag.schemas.Feedback;
import dev.krag.schemas.FeedbackAction;
import dev.krag.schemas.RunEventType;
import dev.krag.schemas.Stage;
import dev.krag.topologies.Outputs;
import dev.krag.topologies.RunEvents;
import java.util.Map;

/** A person's word on a shot: a rejected shot is rendered again with the comment as its hint. */
final class FeedbackRouter extends BookkeepingProcessors.RunKeyed<Feedback> {

  @Override
  void handle(String runId, Feedback feedback, Outputs out) {
    if (feedback.getAction() == FeedbackAction.REJECT_SHOT) {
      boolean started = Routing.refine(store(BookkeepingTopology.SHOT_ASSETS), runId,
          Map.of(feedback.getShotId(), feedback.getComment()), "feedback " + feedback.getFeedbackId(), out);
      if (started) {
        return;
      }
    }
    RunEvents.send(out, runId, Stage.RUN, RunEventType.FEEDBACK, 0, feedback.getFeedbackId(),
        "feedback " + feedback.getAction() + " on " + feedback.getShotId() + " recorded"
            + (feedback.getAction() == FeedbackAction.REJECT_SHOT ? " (not refined: the run is busy or has no such shot)" : ""),
        Map.of("feedback." + feedback.getFeedbackId(), feedback.getAction().name()));
  }
}
