package dev.krag.api;

import dev.krag.schemas.Run;
import dev.krag.schemas.RunCosts;
import dev.krag.schemas.ShotAssetsProgress;
import dev.krag.schemas.Story;
import java.util.List;

/** Where the API reads stories, runs, their costs and their shots. */
public interface RunQueries {

  Lookup<Run> run(String runId);

  Lookup<RunCosts> costs(String runId);

  /** The newest assets of every shot of the run rendered so far. */
  Lookup<ShotAssetsProgress> shots(String runId);

  Lookup<Story> story(String storyId);

  /** Every run the stores hold. */
  Lookup<List<Run>> runs();

  /** Whether the stores can answer at all. */
  boolean ready();
}
