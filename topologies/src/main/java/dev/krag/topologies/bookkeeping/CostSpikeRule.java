package dev.krag.topologies.bookkeeping;

import dev.krag.schemas.DailyCost;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The platform spec's cost alert: a provider and model's day is a spike once it costs more than
 * {@link #FACTOR} times the mean of the days before it, reported once a day. Only days with
 * spending on record make the mean, so a model first used last Tuesday is not judged by the weeks
 * before it existed; a model with no earlier day has nothing to spike against.
 */
final class CostSpikeRule {

  static final double FACTOR = 2.0;
  /** How many days back the mean looks. */
  static final int TRAILING_DAYS = 7;

  private CostSpikeRule() {}

  /** The trailing mean when {@code today} spikes against it and has not been reported yet. */
  static OptionalDouble spike(DailyCost today, List<DailyCost> before) {
    OptionalDouble mean = before.stream().mapToDouble(DailyCost::getUsd).filter(usd -> usd > 0).average();
    if (today.getSpikeReported() || mean.isEmpty() || today.getUsd() <= FACTOR * mean.getAsDouble()) {
      return OptionalDouble.empty();
    }
    return mean;
  }
}
