package dev.krag.topologies.bookkeeping;

import dev.krag.schemas.Run;
import dev.krag.schemas.RunCosts;
import dev.krag.schemas.RunEvent;
import dev.krag.schemas.RunEventType;
import dev.krag.schemas.RunRequested;
import dev.krag.schemas.RunStatus;
import dev.krag.schemas.Stage;
import dev.krag.schemas.Verdict;
import dev.krag.topologies.PipelineMetrics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds a run's events into its state. Applying an event twice gives the same state as applying
 * it once, so at-least-once delivery from the stages cannot skew a run.
 */
public final class RunStateAggregator {

  private RunStateAggregator() {}

  public static Run requested(Run existing, RunRequested request, long at) {
    Run run = existing != null ? existing : Run.newBuilder()
        .setRunId(request.getRunId())
        .setStoryId(request.getStoryId())
        .setTitle(request.getTitle())
        .setStatus(RunStatus.REQUESTED)
        .setCurrentStage(Stage.RUN)
        .setIteration(0)
        .setConfig(request.getConfig())
        .setCreatedAt(at)
        .setUpdatedAt(at)
        .build();
    return Run.newBuilder(run).setStoryId(request.getStoryId()).setTitle(request.getTitle()).setConfig(request.getConfig())
        .setOwner(request.getOwner()).build();
  }

  public static Run apply(Run current, RunEvent event) {
    if (isFinished(current) && !reopens(event)) {
      return current;
    }
    Run.Builder run = Run.newBuilder(current).setUpdatedAt(Math.max(current.getUpdatedAt(), event.getAt()));
    Map<String, String> outputs = new HashMap<>(current.getStageOutputs());
    event.getDetails().forEach((k, v) -> outputs.put(event.getStage().name().toLowerCase() + "." + k, v));
    if (event.getType() == RunEventType.COMPLETED && event.getIteration() == 0) {
      outputs.putIfAbsent(PipelineMetrics.completedAt(event.getStage()), Long.toString(event.getAt()));
    }
    run.setStageOutputs(outputs);
    switch (event.getType()) {
      case REQUESTED, FEEDBACK -> { }
      case STARTED -> run.setStatus(current.getStatus() == RunStatus.REFINING ? RunStatus.REFINING : RunStatus.RUNNING)
          .setCurrentStage(event.getStage());
      case COMPLETED -> completed(run, current, event);
      case SHOT_READY -> {
        if (event.getIteration() == current.getIteration()) {
          List<String> ready = new ArrayList<>(current.getReadyShots());
          String shotId = event.getDetails().getOrDefault("shotId", "");
          if (!ready.contains(shotId)) {
            ready.add(shotId);
          }
          run.setReadyShots(ready);
        }
      }
      case REFINING -> run.setStatus(RunStatus.REFINING)
          .setIteration(Math.max(current.getIteration(), event.getIteration()))
          .setReadyShots(List.of())
          .setError(null);
      case FAILED -> run.setStatus(RunStatus.FAILED).setCurrentStage(event.getStage()).setError(event.getMessage());
      case BUDGET_EXCEEDED -> run.setStatus(RunStatus.BUDGET_EXCEEDED).setCurrentStage(event.getStage()).setError(event.getMessage());
    }
    return run.build();
  }

  /** Costs ride on the run too, so that readers of the runs topic see them without a second lookup. */
  public static Run withCosts(Run current, RunCosts bill, long at) {
    return Run.newBuilder(current).setCostUsd(bill.getTotalUsd()).setComputeSeconds(bill.getComputeSeconds())
        .setCostLines(bill.getLines()).setUpdatedAt(Math.max(current.getUpdatedAt(), at)).build();
  }

  /** A run known only from its events, until its request is read. */
  public static Run placeholder(String runId, long at) {
    return Run.newBuilder()
        .setRunId(runId).setStoryId("").setTitle("").setStatus(RunStatus.REQUESTED).setCurrentStage(Stage.RUN)
        .setIteration(0).setConfig(dev.krag.schemas.RunConfig.newBuilder().build()).setCreatedAt(at).setUpdatedAt(at)
        .build();
  }

  public static boolean isFinished(Run run) {
    return run.getStatus() == RunStatus.COMPLETED || run.getStatus() == RunStatus.FAILED
        || run.getStatus() == RunStatus.BUDGET_EXCEEDED;
  }

  private static boolean reopens(RunEvent event) {
    return event.getStage() == Stage.RUN && event.getType() == dev.krag.schemas.RunEventType.REFINING;
  }

  private static void completed(Run.Builder run, Run current, RunEvent event) {
    Map<String, String> d = event.getDetails();
    switch (event.getStage()) {
      case PARSE -> run.setScenes(Integer.parseInt(d.getOrDefault("scenes", "0")));
      case PLAN -> run.setShots(Integer.parseInt(d.getOrDefault("shots", "0")));
      case RUN -> run.setStatus(RunStatus.COMPLETED)
          .setVideoPath(d.get("video"))
          .setDurationSeconds(Double.parseDouble(d.getOrDefault("durationSeconds", "0")))
          .setCriticScore(Double.parseDouble(d.getOrDefault("score", "0")))
          .setVerdict(Verdict.valueOf(d.getOrDefault("verdict", Verdict.ACCEPT.name())))
          .setCurrentStage(Stage.RUN);
      default -> run.setCurrentStage(event.getStage());
    }
    if (event.getStage() != Stage.RUN && current.getStatus() == RunStatus.REQUESTED) {
      run.setStatus(RunStatus.RUNNING);
    }
  }
}
