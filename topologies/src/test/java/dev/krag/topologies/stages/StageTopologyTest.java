package dev.krag.topologies.stages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krag.schemas.AssetKeys;
import dev.krag.schemas.CostEvent;
import dev.krag.schemas.RunConfig;
import dev.krag.schemas.RunEvent;
import dev.krag.schemas.RunEventType;
import dev.krag.schemas.RunRequested;
import dev.krag.schemas.ScenesParsed;
import dev.krag.schemas.ShotTask;
import dev.krag.schemas.ShotsPlanned;
import dev.krag.schemas.Stage;
import dev.krag.schemas.StoryCharacter;
import dev.krag.schemas.Topics;
import dev.krag.stages.SharedStories;
import dev.krag.stages.SharedStories.Tale;
import dev.krag.topologies.Driver;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StageTopologyTest {

  @TempDir Path state;
  @TempDir Path assets;
  private Driver driver;

  @BeforeEach
  void start() {
    driver = Driver.stages(StageTopology.build(Driver.SERDES, TestStages.under(assets)), state);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void aRequestedRunIsParsedPlannedAndFannedOutOneTaskPerShot() {
    Tale tale = SharedStories.read(SharedStories.grimm("43-the-fox-and-the-cat.txt"));

    driver.input(Topics.RUNS_REQUESTED).pipeInput("run-1", request("run-1", tale.title(), tale.text()));

    ScenesParsed parsed = driver.output(Topics.SCENES_PARSED).readValue();
    assertThat(parsed.getScenes()).isNotEmpty();
    assertThat(assets.resolve(AssetKeys.source("story-run-1"))).as("the story's source beside its media").hasContent(tale.text());
    ShotsPlanned plan = driver.output(Topics.SHOTS_PLANNED).readValue();
    List<TestRecord<String, ShotTask>> tasks = driver.output(Topics.SHOT_TASKS).readRecordsToList();
    assertThat(tasks).hasSameSizeAs(plan.getShots());
    assertThat(tasks).allSatisfy(t -> assertThat(t.key()).isEqualTo(Topics.shotTaskKey("run-1", t.value().getShot().getShotId())));
    assertThat(tasks).allSatisfy(t -> assertThat(t.value().getShotCount()).isEqualTo(plan.getShots().size()));
    List<String> cast = plan.getCharacters().stream().map(StoryCharacter::getId).toList();
    assertThat(tasks).flatExtracting(t -> t.value().getCharacters()).isNotEmpty()
        .allSatisfy(c -> assertThat(c.getCastIndex()).as("one colour per character").isEqualTo(cast.indexOf(c.getId())));
    List<RunEvent> events = driver.output(Topics.RUN_EVENTS).readValuesToList();
    assertThat(events).extracting(RunEvent::getStage, RunEvent::getType).contains(
        org.assertj.core.groups.Tuple.tuple(Stage.PARSE, RunEventType.COMPLETED),
        org.assertj.core.groups.Tuple.tuple(Stage.PLAN, RunEventType.COMPLETED));
    // the shot tasks loop back into the topology: each was rendered
    assertThat(events).filteredOn(e -> e.getType() == RunEventType.SHOT_READY).hasSameSizeAs(plan.getShots());
    assertThat(driver.output(Topics.COSTS).readValuesToList()).extracting(CostEvent::getStage).contains(Stage.PARSE, Stage.PLAN, Stage.GENERATE);
  }

  @Test
  void aStoryWithNothingToTellFailsItsRunInsteadOfStallingIt() {
    driver.input(Topics.RUNS_REQUESTED).pipeInput("run-2", request("run-2", "Empty", "   "));

    List<RunEvent> events = driver.output(Topics.RUN_EVENTS).readValuesToList();
    assertThat(events).last().satisfies(e -> {
      assertThat(e.getType()).isEqualTo(RunEventType.FAILED);
      assertThat(e.getStage()).isEqualTo(Stage.PARSE);
      assertThat(e.getMessage()).contains("no scenes");
    });
    assertThat(driver.output(Topics.SCENES_PARSED).isEmpty()).isTrue();
  }

  static RunRequested request(String runId, String title, String text) {
    return RunRequested.newBuilder().setRunId(runId).setStoryId("story-" + runId).setTitle(title).setText(text)
        .setConfig(RunConfig.newBuilder().setWidth(320).setHeight(180).build()).setRequestedAt(1).build();
  }
}
