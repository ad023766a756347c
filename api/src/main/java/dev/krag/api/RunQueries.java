package dev.krag.api;

import dev.krag.schemas.ApiKey;
import dev.krag.schemas.Run;
import dev.krag.schemas.RunCosts;
import dev.krag.schemas.ShotAssetsProgress;
import dev.krag.schemas.Story;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * Where the API reads stories, runs, their costs and their shots: from whichever instance owns
 * the key. The two {@code local} reads are this instance's own part, for the others to ask.
 */
public interface RunQueries {

  Lookup<Run> run(String runId);

  Lookup<RunCosts> costs(String runId);

  /** The newest assets of every shot of the run rendered so far. */
  Lookup<ShotAssetsProgress> shots(String runId);

  Lookup<Story> story(String storyId);

  /** An API key by its id, revoked or not: every instance holds every key. */
  Lookup<ApiKey> apiKey(String keyId);

  Lookup<List<ApiKey>> apiKeys();

  /** Every run of every instance. */
  Lookup<List<Run>> runs();

  /** The key's value in this instance's part of the store. */
  Lookup<SpecificRecord> local(String store, String key);

  /** Every value in this instance's part of the store. */
  Lookup<List<SpecificRecord>> local(String store);

  /** Whether the stores can answer at all. */
  boolean ready();
}
