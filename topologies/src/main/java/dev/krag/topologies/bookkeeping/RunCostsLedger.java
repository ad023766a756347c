package dev.krag.topologies.bookkeeping;

import dev.krag.schemas.CostEvent;
import dev.krag.schemas.CostLine;
import dev.krag.schemas.RunCosts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Adds cost events to a run's bill, each event id once however often it is delivered. */
public final class RunCostsLedger {

  private RunCostsLedger() {}

  /** The bill with the event added, or empty if the event was already counted. */
  public static Optional<RunCosts> add(RunCosts current, CostEvent event) {
    RunCosts costs = current != null ? current : RunCosts.newBuilder()
        .setRunId(event.getRunId()).setTotalUsd(0).setComputeSeconds(0).build();
    if (costs.getCountedEventIds().contains(event.getEventId())) {
      return Optional.empty();
    }
    List<CostLine> lines = new ArrayList<>(costs.getLines());
    int at = indexOf(lines, event);
    CostLine line = at >= 0 ? lines.get(at) : new CostLine(event.getStage(), event.getProvider(), event.getModel(), 0, 0.0, 0.0);
    CostLine added = new CostLine(line.getStage(), line.getProvider(), line.getModel(), line.getCalls() + 1,
        line.getUsd() + event.getUsd(), line.getComputeSeconds() + event.getComputeSeconds());
    if (at >= 0) {
      lines.set(at, added);
    } else {
      lines.add(added);
    }
    List<String> counted = new ArrayList<>(costs.getCountedEventIds());
    counted.add(event.getEventId());
    return Optional.of(RunCosts.newBuilder(costs)
        .setTotalUsd(costs.getTotalUsd() + event.getUsd())
        .setComputeSeconds(costs.getComputeSeconds() + event.getComputeSeconds())
        .setLines(lines)
        .setCountedEventIds(counted)
        .build());
  }

  private static int indexOf(List<CostLine> lines, CostEvent event) {
    for (int i = 0; i < lines.size(); i++) {
      CostLine l = lines.get(i);
      if (l.getStage() == event.getStage() && l.getProvider().equals(event.getProvider()) && l.getModel().equals(event.getModel())) {
        return i;
      }
    }
    return -1;
  }
}
