package dev.krag.topologies;

import dev.krag.schemas.RunEvent;
import dev.krag.schemas.RunEventType;
import dev.krag.schemas.Stage;
import dev.krag.schemas.Topics;
import dev.krag.stages.generate.InputsHash;
import java.util.Map;

/** Builds run events whose ids depend only on what happened, so a redelivered event keeps its id. */
public final class RunEvents {

  private RunEvents() {}

  public static RunEvent of(String runId, Stage stage, RunEventType type, int iteration, String subject, String message,
      Map<String, String> details, long at) {
    return RunEvent.newBuilder()
        .setEventId(InputsHash.of(runId, stage, type, iteration, subject))
        .setRunId(runId)
        .setStage(stage)
        .setType(type)
        .setIteration(iteration)
        .setMessage(message)
        .setDetails(details)
        .setAt(at)
        .build();
  }

  public static void send(Outputs out, String runId, Stage stage, RunEventType type, int iteration, String message,
      Map<String, String> details) {
    send(out, runId, stage, type, iteration, "", message, details);
  }

  public static void send(Outputs out, String runId, Stage stage, RunEventType type, int iteration, String subject,
      String message, Map<String, String> details) {
    out.send(Topics.RUN_EVENTS, runId, of(runId, stage, type, iteration, subject, message, details, out.timestamp()));
  }
}
