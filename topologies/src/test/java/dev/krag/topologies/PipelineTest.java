package dev.krag.topologies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krag.schemas.Run;
import dev.krag.schemas.RunConfig;
import dev.krag.schemas.RunRequested;
import dev.krag.schemas.RunStatus;
import dev.krag.schemas.Topic;
import dev.krag.schemas.Topics;
import dev.krag.stages.SharedStories;
import dev.krag.stages.SharedStories.Tale;
import dev.krag.topologies.bookkeeping.BookkeepingTopology;
import dev.krag.topologies.stages.StageTopology;
import dev.krag.topologies.stages.TestStages;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both topologies, each in its own test driver, with the topics between them pumped by hand. */
class PipelineTest {

  @TempDir Path stageState;
  @TempDir Path bookkeepingState;
  @TempDir Path assets;

  @Test
  void aTaleBecomesACompletedRunWithAFinalVideo() {
    Tale tale = SharedStories.read(SharedStories.grimm("26-the-old-man-and-his-grandson.txt"));
    RunRequested request = RunRequested.newBuilder().setRunId("run-tale").setStoryId("story-tale").setTitle(tale.title())
        .setText(tale.text()).setConfig(RunConfig.newBuilder().setWidth(320).setHeight(180).build()).setRequestedAt(1).build();

    try (Driver stages = Driver.stages(StageTopology.build(Driver.SERDES, TestStages.under(assets)), stageState);
         Driver bookkeeping = Driver.bookkeeping(BookkeepingTopology.build(Driver.SERDES), bookkeepingState)) {
      bookkeeping.input(Topics.RUNS_REQUESTED).pipeInput(request.getRunId(), request);
      stages.input(Topics.RUNS_REQUESTED).pipeInput(request.getRunId(), request);
      int rounds = 0;
      while (pump(stages, bookkeeping) && rounds++ < 20) {
        // each round carries what one side wrote over to the other
      }

      Run run = bookkeeping.storeValue(BookkeepingTopology.RUN_STATE, request.getRunId());
      assertThat(run.getStatus()).as(String.valueOf(run.getError())).isEqualTo(RunStatus.COMPLETED);
      assertThat(run.getShots()).isGreaterThanOrEqualTo(run.getScenes()).isPositive();
      assertThat(assets.resolve(run.getVideoPath())).isRegularFile();
      assertThat(run.getDurationSeconds()).isPositive();
    }
  }

  private static boolean pump(Driver stages, Driver bookkeeping) {
    boolean moved = false;
    for (Topic<String, ?> topic : List.of(Topics.RUN_EVENTS, Topics.COSTS, Topics.ASSETS_GENERATED, Topics.CRITIQUES)) {
      moved |= move(topic, stages, bookkeeping);
    }
    for (Topic<String, ?> topic : List.of(Topics.EDITS_REQUESTED, Topics.SHOT_TASKS)) {
      moved |= move(topic, bookkeeping, stages);
    }
    return moved;
  }

  private static <V> boolean move(Topic<String, V> topic, Driver from, Driver to) {
    var records = from.output(topic).readRecordsToList();
    records.forEach(r -> to.input(topic).pipeInput(r.key(), r.value()));
    return !records.isEmpty();
  }
}
