package dev.krag.api;

import dev.krag.schemas.Run;
import dev.krag.schemas.RunCosts;

/** Where the API reads runs and their costs. */
public interface RunQueries {

  Lookup<Run> run(String runId);

  Lookup<RunCosts> costs(String runId);

  /** Whether the stores can answer at all. */
  boolean ready();
}
