package dev.krag.topologies.stages;

import dev.krag.schemas.Stage;

/** A stage could not process a record; the run has been failed and the record is dead-lettered. */
public final class StageFailedException extends RuntimeException {

  public StageFailedException(Stage stage, String runId, Throwable cause) {
    super(stage + " failed for run " + runId + ": " + cause.getMessage(), cause);
  }
}
