package dev.krag.topologies.bookkeeping;

import dev.krag.schemas.EditRequested;
import dev.krag.schemas.ShotAssets;
import dev.krag.schemas.ShotAssetsProgress;
import dev.krag.schemas.ShotTask;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
   * edited; each task renders its shot again with that shot's hint.
   */
  public static Optional<Refinement> refine(ShotAssetsProgress progress, Map<String, String> hints) {
    if (progress.getEditedIteration() < progress.getIteration()) {
      return Optional.empty(); // an iteration is still being rendered: one refinement at a time
    }
    List<ShotTask> tasks = progress.getShots().stream()
        .filter(s -> hints.containsKey(s.getTask().getShot().getShotId()))
        .map(s -> ShotTask.newBuilder(s.getTask()).setIteration(progress.getIteration() + 1)
            .setRefinementHint(hints.get(s.getTask().getShot().getShotId())).build())
        .toList();
    if (tasks.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Refinement(ShotAssetsProgress.newBuilder(progress)
        .setIteration(progress.getIteration() + 1)
        .setPendingShotIds(tasks.stream().map(t -> t.getShot().getShotId()).toList())
        .build(), tasks));
  }
}
