package dev.krag.deploy.cli;

import dev.krag.schemas.RunEvent;
import dev.krag.schemas.RunEventType;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Live progress of a run on stderr, one line per step, a counter for rendered shots. */
final class Progress {

  private final PrintStream err;
  private final Set<String> seen = new HashSet<>();
  private final Set<String> ready = new HashSet<>();
  private int shots;
  private int iteration;

  Progress(PrintStream err) {
    this.err = err;
  }

  void on(RunEvent event) {
    if (!seen.add(event.getEventId())) {
      return; // a redelivered event: already shown
    }
    String stage = event.getStage().name().toLowerCase(Locale.ROOT);
    if (event.getType() == RunEventType.SHOT_READY) {
      if (event.getIteration() != iteration) {
        iteration = event.getIteration();
        ready.clear();
      }
      ready.add(event.getDetails().getOrDefault("shotId", event.getEventId()));
      int total = event.getIteration() == 0 ? shots : 0;
      if (total > 0 && (ready.size() == total || ready.size() % Math.max(1, total / 10) == 0)) {
        err.printf("  %-9s %d/%d shots%n", stage, ready.size(), total);
      }
      return;
    }
    if (event.getStage().name().equals("PLAN") && event.getType() == RunEventType.COMPLETED) {
      shots = Integer.parseInt(event.getDetails().getOrDefault("shots", "0"));
    }
    String mark = switch (event.getType()) {
      case STARTED -> "▸";
      case COMPLETED -> "✔";
      case FAILED, BUDGET_EXCEEDED -> "✘";
      case REFINING -> "↻";
      default -> " ";
    };
    err.printf("%s %-9s %s%n", mark, stage, event.getMessage());
  }
}
