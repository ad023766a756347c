package dev.krag.topologies.bookkeeping;

import dev.krag.schemas.EditRequested;
import dev.krag.schemas.ShotAssets;
import dev.krag.schemas.ShotAssetsProgress;
import dev.krag.schemas.ShotTask;
import dev.krag.stages.cost.ShotAllowances;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Gathers the shots of a run as workers finish them, in any order and with duplicates, and says
 * when an iteration is whole. A refinement reopens the progress for just the shots it renders again.
 */
public final class ShotFanIn {

  /** The progress after one asset arrived, and the edit to request if the iteration is now whole. */
  public record Step(ShotAssetsProgress progress, Optional<EditRequested> edit) {}

  private ShotFanIn() {}

  public static Step accept(ShotAssetsProgress current, ShotAssets asset) {
    ShotTask task = asset.getTask();
    ShotAssetsProgress progress = current != null ? current : ShotAssetsProgress.newBuilder()
        .setRunId(task.getRunId()).setIteration(0).setShotCount(task.getShotCount()).build();
    String shotId = task.getShot().getShotId();
    boolean expected = task.getIteration() == progress.getIteration()
        && (progress.getIteration() == 0 || progress.getPendingShotIds().contains(shotId));
    if (!expected) {
      return new Step(progress, Optional.empty()); // a redelivered or superseded render
    }
    List<ShotAssets> shots = new ArrayList<>(progress.getShots());
    shots.removeIf(s -> s.getTask().getShot().getShotId().equals(shotId));
    shots.add(asset);
    shots.sort(Comparator.comparingInt(s -> s.getTask().getShot().getIndex()));
    List<String> pending = new ArrayList<>(progress.getPendingShotIds());
    pending.remove(shotId);
    ShotAssetsProgress.Builder next = ShotAssetsProgress.newBuilder(progress).setShots(shots).setPendingShotIds(pending);
    boolean whole = shots.size() == progress.getShotCount() && pending.isEmpty()
        && progress.getEditedIteration() < progress.getIteration();
    if (!whole) {
      return new Step(next.build(), Optional.empty());
    }
    next.setEditedIteration(progress.getIteration());
    return new Step(next.build(), Optional.of(EditRequested.newBuilder()
        .setRunId(task.getRunId())
        .setTitle(task.getTitle())
        .setIteration(progress.getIteration())
        .setShots(shots)
        .setSceneCount(task.getSceneCount())
        .setConfig(task.getConfig())
        .build()));
  }

  /** The next iteration's progress, and the tasks that render its shots again. */
  public record Refinement(ShotAssetsProgress progress, List<ShotTask> tasks) {}

  /**
   * Opens the next iteration for the shots named in {@code hints}, once the current one has been
   * edited; each task renders its shot again with that shot's hint and its share of what the run's
   * budget has left after {@code spentUsd}.
   */
  public static Optional<Refinement> refine(ShotAssetsProgress progress, Map<String, String> hints, double spentUsd) {
    if (progress.getEditedIteration() < progress.getIteration()) {
      return Optional.empty(); // an iteration is still being rendered: one refinement at a time
    }
    List<ShotTask> redone = progress.getShots().stream().map(ShotAssets::getTask)
        .filter(task -> hints.containsKey(task.getShot().getShotId())).toList();
    if (redone.isEmpty()) {
      return Optional.empty();
    }
    Double budget = redone.getFirst().getConfig().getMaxCostUsd();
    List<Double> allowances = ShotAllowances.of(budget == null ? null : budget - spentUsd,
        redone.stream().map(ShotTask::getShot).toList());
    List<ShotTask> tasks = IntStream.range(0, redone.size())
        .mapToObj(i -> ShotTask.newBuilder(redone.get(i)).setIteration(progress.getIteration() + 1)
            .setRefinementHint(hints.get(redone.get(i).getShot().getShotId())).setBudgetUsd(allowances.get(i)).build())
        .toList();
    return Optional.of(new Refinement(ShotAssetsProgress.newBuilder(progress)
        .setIteration(progress.getIteration() + 1)
        .setPendingShotIds(tasks.stream().map(t -> t.getShot().getShotId()).toList())
        .build(), tasks));
  }
}
