package dev.krag.topologies;

import dev.krag.schemas.CostEvent;
import dev.krag.schemas.Run;
import dev.krag.schemas.RunEvent;
import dev.krag.schemas.RunEventType;
import dev.krag.schemas.RunStatus;
import dev.krag.schemas.Stage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The platform spec's pipeline metrics, kept in Micrometer's global registry (which {@code krag serve}
 * shows on {@code /metrics} in Prometheus's format): {@code pipeline_duration_seconds{stage}} (a
 * run's time in each stage of its first pass, and in all for {@code stage="run"}),
 * {@code generation_cost_dollars_total{provider,model}} (each cost once, as the run's bill counts it),
 * and {@code agent_calls_total{agent,status}} with {@code agent_latency_seconds{agent}} (each stage's
 * worker handling one record).
 */
public final class PipelineMetrics {

  /** Where a stage's time begins: when the stage before it completed. */
  private static final List<Stage> ORDER = List.of(Stage.PARSE, Stage.PLAN, Stage.GENERATE, Stage.EDIT, Stage.CRITIQUE);
  /** Histogram buckets from a second to an hour: a stage of a tale takes seconds, a long story's edit many minutes. */
  private static final Duration[] BUCKETS = Stream.of(1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600).map(Duration::ofSeconds)
      .toArray(Duration[]::new);
  /** The run-state output under which a stage's completion time is kept, after its stage's name and a dot. */
  public static final String COMPLETED_AT = "completedAt";

  private PipelineMetrics() {}

  /** How a stage is named in metrics, spans and logs: the platform spec's agent names. */
  public static String agent(Stage stage) {
    return stage.name().toLowerCase(Locale.ROOT);
  }

  /** A stage's worker handled one record, or failed on it. */
  public static void agentCalled(Stage stage, boolean succeeded, Duration took) {
    String agent = agent(stage);
    Counter.builder("agent.calls").description("Agent invocations").tag("agent", agent).tag("status", succeeded ? "ok" : "failed")
        .register(registry()).increment();
    Timer.builder("agent.latency").description("Agent execution latency").tag("agent", agent).serviceLevelObjectives(BUCKETS)
        .register(registry()).record(took);
  }

  /** A cost just added to a run's bill (a redelivered one is not). */
  public static void costCounted(CostEvent cost) {
    Counter.builder("generation.cost.dollars").description("Generation API costs").tag("provider", cost.getProvider())
        .tag("model", cost.getModel()).register(registry()).increment(cost.getUsd());
  }

  /** A run event as the run stood before it: a stage of the first pass, or the run, completed for the first time. */
  public static void runEvent(Run before, RunEvent event) {
    stageTime(before, event).ifPresent(took -> Timer.builder("pipeline.duration").description("Pipeline execution duration")
        .tag("stage", agent(event.getStage())).serviceLevelObjectives(BUCKETS).register(registry()).record(took));
  }

  static Optional<Duration> stageTime(Run before, RunEvent event) {
    if (before == null || event.getType() != RunEventType.COMPLETED || event.getIteration() != 0) {
      return Optional.empty();
    }
    if (event.getStage() == Stage.RUN) {
      return before.getStatus() == RunStatus.COMPLETED ? Optional.empty() : since(before.getCreatedAt(), event);
    }
    int at = ORDER.indexOf(event.getStage());
    if (at < 0 || before.getStageOutputs().containsKey(completedAt(event.getStage()))) {
      return Optional.empty();
    }
    if (at == 0) {
      return since(before.getCreatedAt(), event);
    }
    return Optional.ofNullable(before.getStageOutputs().get(completedAt(ORDER.get(at - 1)))).flatMap(t -> since(Long.parseLong(t), event));
  }

  /** The run-state output that holds when {@code stage} completed. */
  public static String completedAt(Stage stage) {
    return stage.name().toLowerCase(Locale.ROOT) + "." + COMPLETED_AT;
  }

  private static Optional<Duration> since(long start, RunEvent event) {
    return event.getAt() >= start ? Optional.of(Duration.ofMillis(event.getAt() - start)) : Optional.empty();
  }

  private static MeterRegistry registry() {
    return Metrics.globalRegistry;
  }
}
