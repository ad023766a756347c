package dev.krag.stages.cost;

import java.util.List;
import java.util.Locale;

/**
 * What a run may still spend on paid providers. A paid call is checked against it before it is
 * made, with the most it can cost, and charged after with what it did cost; a call that would
 * cross it is not made. One stage's work on one record owns a budget: it is not shared by threads.
 */
public final class Budget {

  private double remainingUsd;
  private final boolean limited;

  private Budget(double remainingUsd, boolean limited) {
    this.remainingUsd = remainingUsd;
    this.limited = limited;
  }

  /** A budget of {@code usd} dollars, or none at all when {@code usd} is null (as the records carry it). */
  public static Budget of(Double usd) {
    return usd == null ? new Budget(Double.POSITIVE_INFINITY, false) : new Budget(Math.max(0, usd), true);
  }

  /** No limit: for callers that spend nothing or are not run-bound. */
  public static Budget unlimited() {
    return of(null);
  }

  /** Refuses a call that may cost more than is left; a free call always goes ahead. */
  public void check(String call, double mostUsd) {
    if (mostUsd > 0 && mostUsd > remainingUsd) {
      throw new BudgetExceeded(String.format(Locale.ROOT, "%s may cost $%.4f and the run has $%.4f left", call, mostUsd,
          remainingUsd), List.of());
    }
  }

  public void charge(List<ProviderCall> calls) {
    calls.forEach(call -> charge(call.usd()));
  }

  public void charge(double usd) {
    remainingUsd -= usd;
  }

  /** What is left, for the next stage's record: null when there is no limit. */
  public Double remaining() {
    return limited ? Math.max(0, remainingUsd) : null;
  }
}
