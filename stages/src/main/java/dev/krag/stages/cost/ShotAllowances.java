package dev.krag.stages.cost;

import dev.krag.schemas.Shot;
import java.util.Collections;
import java.util.List;

/**
 * Shares what a run has left among the shots it is about to render, which run apart on other
 * partitions and cannot consult one another: each may spend only its share, so together they cannot
 * cross the budget. A shot's share follows what it will cost, its narration's length (speech is
 * priced by the character) plus, for its picture, the length of an average narration of the batch.
 */
public final class ShotAllowances {

  private ShotAllowances() {}

  /** One allowance per shot, in order; all null when the run has no limit. */
  public static List<Double> of(Double remainingUsd, List<Shot> shots) {
    if (remainingUsd == null || shots.isEmpty()) {
      return Collections.nCopies(shots.size(), null);
    }
    double picture = shots.stream().mapToInt(shot -> shot.getNarration().length()).average().orElse(0) + 1;
    double total = shots.stream().mapToDouble(shot -> shot.getNarration().length() + picture).sum();
    return shots.stream().map(shot -> remainingUsd * (shot.getNarration().length() + picture) / total).toList();
  }
}
