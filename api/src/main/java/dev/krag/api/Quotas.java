package dev.krag.api;

import dev.krag.schemas.Run;
import dev.krag.schemas.RunStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What one principal may have going: at most {@code concurrentRuns} runs unfinished, and runs begun
 * today (UTC) costing at most {@code dailyUsd} together. Checked before a run is asked for, so no
 * work starts past them; a new run's budget is at most what the day has left once the runs still
 * going have kept their own budgets back, so runs at the same time cannot overspend the day together.
 */
public record Quotas(int concurrentRuns, double dailyUsd) {

  private static final Set<RunStatus> UNFINISHED = Set.of(RunStatus.REQUESTED, RunStatus.RUNNING, RunStatus.REFINING);
  /** When to ask again after the concurrency quota: about when a short run finishes. */
  private static final Duration RUN_WAIT = Duration.ofSeconds(30);

  public Quotas {
    if (concurrentRuns < 1 || dailyUsd < 0) {
      throw new IllegalArgumentException("quotas allow at least one run at a time and a daily cost of zero or more");
    }
  }

  /**
   * The most a new run of {@code owner}'s may spend today, or a 429 that says which quota and when
   * to ask again when their runs leave no room for one more.
   */
  double roomForARun(String owner, List<Run> runs, Clock clock) {
    List<Run> theirs = runs.stream().filter(r -> r.getOwner().equals(owner)).toList();
    long unfinished = theirs.stream().filter(r -> UNFINISHED.contains(r.getStatus())).count();
    if (unfinished >= concurrentRuns) {
      throw ApiException.tooMany("quota_exceeded", owner + " has " + unfinished + " runs going, the most at a time is " + concurrentRuns,
          RUN_WAIT);
    }
    Instant midnight = LocalDate.now(clock.withZone(ZoneOffset.UTC)).atStartOfDay(ZoneOffset.UTC).toInstant();
    double spent = theirs.stream().filter(r -> r.getCreatedAt() >= midnight.toEpochMilli()).mapToDouble(Quotas::kept).sum();
    if (spent >= dailyUsd) {
      throw ApiException.tooMany("quota_exceeded", String.format(Locale.ROOT,
          "%s's runs today cost or keep back $%.2f, the most a day is $%.2f", owner, spent, dailyUsd),
          Duration.between(clock.instant(), midnight.plus(Duration.ofDays(1))));
    }
    return dailyUsd - spent;
  }

  /** A run's budget when nobody set one: its slot's share of the day, so that every slot can be used. */
  double runShare() {
    return dailyUsd / concurrentRuns;
  }

  /** What a run takes of the day: its cost once it has ended, its whole budget while it may still spend. */
  private static double kept(Run run) {
    Double budget = run.getConfig().getMaxCostUsd();
    return UNFINISHED.contains(run.getStatus()) && budget != null ? Math.max(budget, run.getCostUsd()) : run.getCostUsd();
  }
}
