package dev.krag.stages.store;

import java.time.Duration;
import java.util.Optional;

/**
 * Which run already made an asset from the same inputs, remembered for a while (the platform
 * spec's {@code cache:asset:{hash}}, 24 hours by default): a run that needs a picture or a reading
 * another run has paid for copies that run's files instead of paying again.
 */
public interface AssetCache {

  Duration DEFAULT_TTL = Duration.ofHours(24);

  /** The run that made assets from inputs with this hash, if one was remembered within the TTL. */
  Optional<String> runHolding(String inputsHash);

  void remember(String inputsHash, String runId);
}
