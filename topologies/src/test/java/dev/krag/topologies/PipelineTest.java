package dev.krag.topologies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krag.schemas.Critique;
import dev.krag.schemas.Run;
import dev.krag.schemas.RunConfig;
import dev.krag.schemas.RunRequested;
import dev.krag.schemas.RunStatus;
import dev.krag.schemas.ShotAssets;
import dev.krag.schemas.ShotTask;
import dev.krag.schemas.Topic;
import dev.krag.schemas.Topics;
import dev.krag.schemas.Verdict;
import dev.krag.stages.SharedStories;
import dev.krag.stages.SharedStories.Tale;
import dev.krag.stages.generate.SilhouetteIllustrator;
import dev.krag.topologies.bookkeeping.BookkeepingTopology;
import dev.krag.topologies.stages.StageTopology;
import dev.krag.topologies.stages.Stages;
import dev.krag.topologies.stages.TestStages;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both topologies, each in its own test driver, with the topics between them pumped by hand. */
class PipelineTest {

  @TempDir Path stageState;
  @TempDir Path bookkeepingState;
  @TempDir Path assets;

  @Test
  void aTaleBecomesACompletedRunWithAFinalVideo() {
    try (Pipeline pipeline = new Pipeline(TestStages.under(assets))) {
      Run run = pipeline.run(request("run-tale"));

      assertThat(run.getStatus()).as(String.valueOf(run.getError())).isEqualTo(RunStatus.COMPLETED);
      assertThat(run.getShots()).isGreaterThanOrEqualTo(run.getScenes()).isPositive();
      assertThat(assets.resolve(run.getVideoPath())).isRegularFile();
      assertThat(run.getDurationSeconds()).isPositive();
    }
  }

  /**
   * One shot drawn wrong on the first pass: the critic sends back that shot alone, it is drawn
   * again while its narration comes from the cache, the other shots are not rendered again, and
   * the run completes after the second edit.
   */
  @Test
  void aFaultyShotIsTheOnlyOneRenderedAgain() {
    String faulty = "scene-001-shot-02";
    InMemorySpanExporter spans = InMemorySpanExporter.create();
    try (SdkTracerProvider traces = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
        Pipeline pipeline = new Pipeline(TestStages.under(assets, new MisdrawnOnce(new SilhouetteIllustrator(), faulty)),
            new RunTracing(OpenTelemetrySdk.builder().setTracerProvider(traces)
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build()))) {
      Run run = pipeline.run(request("run-refined"));

      assertThat(run.getStatus()).as(String.valueOf(run.getError())).isEqualTo(RunStatus.COMPLETED);
      Critique first = pipeline.seen(Topics.CRITIQUES).getFirst();
      assertThat(first.getVerdict()).isEqualTo(Verdict.REFINE);
      assertThat(first.getShotsAtFault()).containsExactly(faulty);
      List<ShotTask> tasks = pipeline.seen(Topics.SHOT_TASKS);
      assertThat(tasks).filteredOn(t -> t.getIteration() == 1).extracting(t -> t.getShot().getShotId()).containsExactly(faulty);
      List<ShotAssets> rendered = pipeline.seen(Topics.ASSETS_GENERATED).stream()
          .filter(a -> a.getTask().getShot().getShotId().equals(faulty)).toList();
      assertThat(rendered).hasSize(2);
      assertThat(rendered.get(1).getImagePath()).as("drawn again").isNotEqualTo(rendered.get(0).getImagePath());
      assertThat(rendered.get(1).getAudioPath()).as("its narration reused").isEqualTo(rendered.get(0).getAudioPath());
      assertThat(pipeline.seen(Topics.CRITIQUES)).extracting(Critique::getVerdict).containsExactly(Verdict.REFINE, Verdict.ACCEPT);

      // Both passes are one trace: the bookkeeping carried the context from each stage's output to the next stage's input.
      List<SpanData> ran = spans.getFinishedSpanItems();
      assertThat(ran).extracting(SpanData::getTraceId).as("one trace for the run").containsOnly(ran.getFirst().getTraceId());
      assertThat(ran).filteredOn(span -> span.getParentSpanContext().isValid()).as("one root").hasSize(ran.size() - 1);
      assertThat(ran).filteredOn(span -> !span.getParentSpanContext().isValid()).extracting(SpanData::getName).containsExactly("parse");
      assertThat(ran).extracting(SpanData::getName).filteredOn("generate"::equals).hasSize(pipeline.seen(Topics.ASSETS_GENERATED).size());
      assertThat(ran).extracting(SpanData::getName).filteredOn("edit"::equals).hasSize(2);
      assertThat(ran).allSatisfy(span -> assertThat(span.getAttributes().get(AttributeKey.stringKey(RunTracing.RUN_ID)))
          .isEqualTo("run-refined"));
    }
  }

  private static RunRequested request(String runId) {
    Tale tale = SharedStories.read(SharedStories.grimm("26-the-old-man-and-his-grandson.txt"));
    return RunRequested.newBuilder().setRunId(runId).setStoryId("story-tale").setTitle(tale.title())
        .setText(tale.text()).setConfig(RunConfig.newBuilder().setWidth(320).setHeight(180).build()).setRequestedAt(1).build();
  }

  /** The two drivers and what went between them. */
  private final class Pipeline implements AutoCloseable {

    private final Driver stages;
    private final Driver bookkeeping;
    private final Map<Topic<String, ?>, List<Object>> seen = new HashMap<>();

    Pipeline(Stages stageLogic) {
      this(stageLogic, RunTracing.OFF);
    }

    Pipeline(Stages stageLogic, RunTracing tracing) {
      stages = Driver.stages(StageTopology.build(Driver.SERDES, stageLogic, tracing), stageState);
      bookkeeping = Driver.bookkeeping(BookkeepingTopology.build(Driver.SERDES), bookkeepingState);
    }

    Run run(RunRequested request) {
      bookkeeping.input(Topics.RUNS_REQUESTED).pipeInput(request.getRunId(), request);
      stages.input(Topics.RUNS_REQUESTED).pipeInput(request.getRunId(), request);
      int rounds = 0;
      while (pump() && rounds++ < 40) {
        // each round carries what one side wrote over to the other
      }
      return bookkeeping.storeValue(BookkeepingTopology.RUN_STATE, request.getRunId());
    }

    @SuppressWarnings("unchecked")
    <V> List<V> seen(Topic<String, V> topic) {
      return (List<V>) seen.getOrDefault(topic, List.of());
    }

    private boolean pump() {
      boolean moved = false;
      for (Topic<String, ?> topic : List.of(Topics.RUN_EVENTS, Topics.COSTS, Topics.ASSETS_GENERATED, Topics.CRITIQUES)) {
        moved |= move(topic, stages, bookkeeping);
      }
      for (Topic<String, ?> topic : List.of(Topics.EDITS_REQUESTED, Topics.SHOT_TASKS)) {
        moved |= move(topic, bookkeeping, stages);
      }
      return moved;
    }

    private <V> boolean move(Topic<String, V> topic, Driver from, Driver to) {
      var records = from.output(topic).readRecordsToList();
      records.forEach(r -> {
        to.input(topic).pipeInput(new TestRecord<>(r.key(), r.value(), r.headers()));
        seen.computeIfAbsent(topic, t -> new ArrayList<>()).add(r.value());
      });
      return !records.isEmpty();
    }

    @Override
    public void close() {
      stages.close();
      bookkeeping.close();
    }
  }
}
