package dev.krag.topologies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krag.schemas.CostEvent;
import dev.krag.schemas.Run;
import dev.krag.schemas.RunConfig;
import dev.krag.schemas.RunEvent;
import dev.krag.schemas.RunEventType;
import dev.krag.schemas.RunStatus;
import dev.krag.schemas.Stage;
import dev.krag.topologies.bookkeeping.RunStateAggregator;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PipelineMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @BeforeEach
  void watch() {
    Metrics.addRegistry(registry);
  }

  @AfterEach
  void unwatch() {
    Metrics.removeRegistry(registry);
  }

  @Test
  void eachStageOfTheFirstPassTakesFromTheEndOfTheOneBeforeAndTheRunFromItsRequest() {
    Run run = Run.newBuilder().setRunId("r").setStoryId("s").setTitle("t").setStatus(RunStatus.REQUESTED).setCurrentStage(Stage.RUN)
        .setIteration(0).setConfig(RunConfig.newBuilder().build()).setCreatedAt(1_000).setUpdatedAt(1_000).build();

    RunEvent parsed = completed(Stage.PARSE, 0, 3_000);
    assertThat(PipelineMetrics.stageTime(run, parsed)).hasValue(Duration.ofSeconds(2));
    run = RunStateAggregator.apply(run, parsed);
    RunEvent planned = completed(Stage.PLAN, 0, 3_500);
    assertThat(PipelineMetrics.stageTime(run, planned)).hasValue(Duration.ofMillis(500));
    run = RunStateAggregator.apply(run, planned);
    assertThat(PipelineMetrics.stageTime(run, completed(Stage.PLAN, 0, 9_000))).as("a redelivered completion").isEmpty();
    assertThat(PipelineMetrics.stageTime(run, completed(Stage.EDIT, 1, 9_000))).as("a refinement's").isEmpty();
    assertThat(PipelineMetrics.stageTime(run, completed(Stage.RUN, 0, 11_000))).hasValue(Duration.ofSeconds(10));

    PipelineMetrics.runEvent(run, completed(Stage.RUN, 0, 11_000));
    assertThat(registry.get("pipeline.duration").tag("stage", "run").timer().count()).isEqualTo(1);
  }

  @Test
  void costsAndAgentCallsAreCountedByTheirLabels() {
    PipelineMetrics.costCounted(CostEvent.newBuilder().setEventId("e").setRunId("r").setStage(Stage.PLAN).setProvider("openai")
        .setModel("gpt-4o-mini").setUnits(1000).setUnit("tokens").setUsd(0.25).setComputeSeconds(1).setAt(1).build());
    PipelineMetrics.agentCalled(Stage.EDIT, true, Duration.ofSeconds(3));
    PipelineMetrics.agentCalled(Stage.EDIT, false, Duration.ofSeconds(1));

    assertThat(registry.get("generation.cost.dollars").tags("provider", "openai", "model", "gpt-4o-mini").counter().count())
        .isEqualTo(0.25);
    assertThat(registry.get("agent.calls").tags("agent", "edit", "status", "failed").counter().count()).isEqualTo(1);
    assertThat(registry.get("agent.latency").tag("agent", "edit").timer().totalTime(TimeUnit.SECONDS))
        .isEqualTo(4.0);
  }

  private static RunEvent completed(Stage stage, int iteration, long at) {
    return RunEvent.newBuilder().setEventId(stage + "-" + at).setRunId("r").setStage(stage).setType(RunEventType.COMPLETED)
        .setIteration(iteration).setMessage("").setDetails(Map.of()).setAt(at).build();
  }
}
