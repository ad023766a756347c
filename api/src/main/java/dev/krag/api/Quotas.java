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
 * What one principal may have going: at most {@code concurrentRuns} runs unfinished, and no new
 * run once their runs begun today (UTC) have cost {@code dailyUsd}. Checked before a run is asked
 * for, so no work starts past them.
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

  /** A 429 that says which quota and when to ask again, unless {@code owner}'s runs leave room for one more. */
  void checkRoomForARun(String owner, List<Run> runs, Clock clock) {
    List<Run> theirs = runs.stream().filter(r -> r.getOwner().equals(owner)).toList();
    long unfinished = theirs.stream().filter(r -> UNFINISHED.contains(r.getStatus())).count();
    if (unfinished >= concurrentRuns) {
      throw ApiException.tooMany("quota_exceeded", owner + " has " + unfinished + " runs going, the most at a time is " + concurrentRuns,
          RUN_WAIT);
    }
    Instant midnight = LocalDate.now(clock.withZone(ZoneOffset.UTC)).atStartOfDay(ZoneOffset.UTC).toInstant();
    double spent = theirs.stream().filter(r -> r.getCreatedAt() >= midnight.toEpochMilli()).mapToDouble(Run::getCostUsd).sum();
    if (spent >= dailyUsd) {
      throw ApiException.tooMany("quota_exceeded", String.format(Locale.ROOT, "%s's runs today cost $%.2f, the most a day is $%.2f",
          owner, spent, dailyUsd), Duration.between(clock.instant(), midnight.plus(Duration.ofDays(1))));
    }
  }
}
