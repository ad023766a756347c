package dev.krag.topologies.bookkeeping;

import dev.krag.schemas.EditRequested;
import dev.krag.schemas.RunCosts;
import dev.krag.schemas.RunEventType;
import dev.krag.schemas.ShotAssetsProgress;
import dev.krag.schemas.Stage;
import dev.krag.schemas.Topics;
import dev.krag.topologies.Outputs;
import dev.krag.topologies.RunEvents;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/** The decisions the bookkeeping sends back into the pipeline: edit now, or render some shots again. */
final class Routing {

  private Routing() {}

  static void requestEdit(Outputs out, EditRequested edit) {
    out.send(Topics.EDITS_REQUESTED, edit.getRunId(), edit);
    RunEvents.send(out, edit.getRunId(), Stage.GENERATE, RunEventType.COMPLETED, edit.getIteration(),
        edit.getShots().size() + " shots rendered", Map.of("rendered", Integer.toString(edit.getShots().size())));
  }

  /**
   * Starts the next iteration for the shots, each with its hint and its share of what the run has
   * left of its budget; false if none of them is known.
   */
  static boolean refine(KeyValueStore<String, ShotAssetsProgress> progress, KeyValueStore<String, RunCosts> costs, String runId,
      Map<String, String> hints, String reason, Outputs out) {
    ShotAssetsProgress current = progress.get(runId);
    if (current == null) {
      return false;
    }
    RunCosts bill = costs.get(runId);
    return ShotFanIn.refine(current, hints, bill == null ? 0 : bill.getTotalUsd()).map(refinement -> {
      progress.put(runId, refinement.progress());
      refinement.tasks().forEach(task ->
          out.send(Topics.SHOT_TASKS, Topics.shotTaskKey(runId, task.getShot().getShotId()), task));
      RunEvents.send(out, runId, Stage.RUN, RunEventType.REFINING, refinement.progress().getIteration(),
          reason + ": rendering " + refinement.tasks().size() + " shots again",
          Map.of("shots", String.join(",", refinement.progress().getPendingShotIds())));
      return true;
    }).orElse(false);
  }
}
