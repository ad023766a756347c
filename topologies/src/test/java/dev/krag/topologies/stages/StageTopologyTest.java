package dev.krag.topologies.stages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import dev.krag.stages.llm.FakeOpenAi;
import dev.krag.stages.llm.HttpJson;
import dev.krag.stages.llm.OpenAiChat;
import dev.krag.stages.llm.StructuredChat;
import dev.krag.stages.parse.LlmStoryParser;
import dev.krag.stages.parse.LocalStoryParser;
import dev.krag.stages.parse.ParserChain;
import dev.krag.topologies.Driver;
import dev.krag.topologies.RunTracing;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
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
    driver = Driver.stages(StageTopology.build(Driver.SERDES, TestStages.under(assets), RunTracing.OFF), state);
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
    assertThat(driver.output(Topics.DLQ).readValuesToList()).as("the record, with its reason").hasSize(1);
  }

  @Test
  void eachShotTaskCarriesItsShareOfWhatTheRunHasLeft() {
    Tale tale = SharedStories.read(SharedStories.grimm("43-the-fox-and-the-cat.txt"));
    RunRequested run = request("run-3", tale.title(), tale.text());
    run.getConfig().setMaxCostUsd(0.5);

    driver.input(Topics.RUNS_REQUESTED).pipeInput("run-3", run);

    assertThat(driver.output(Topics.SCENES_PARSED).readValue().getBudgetUsd()).as("the local parser is free").isEqualTo(0.5);
    assertThat(driver.output(Topics.SHOTS_PLANNED).readValue().getBudgetUsd()).isEqualTo(0.5);
    List<ShotTask> tasks = driver.output(Topics.SHOT_TASKS).readValuesToList();
    assertThat(tasks.stream().mapToDouble(ShotTask::getBudgetUsd).sum()).isCloseTo(0.5, within(1e-9));
    ShotTask longest = tasks.stream().max(Comparator.comparingInt(t -> t.getShot().getNarration().length())).orElseThrow();
    ShotTask shortest = tasks.stream().min(Comparator.comparingInt(t -> t.getShot().getNarration().length())).orElseThrow();
    assertThat(longest.getBudgetUsd()).as("more to read, more to spend").isGreaterThan(shortest.getBudgetUsd());
  }

  @Test
  void aParseThatWouldCrossTheBudgetEndsTheRunWithoutADeadLetter() throws Exception {
    try (FakeOpenAi openAi = new FakeOpenAi()) {
      HttpJson http = new HttpJson(new HttpJson.Policy(Duration.ofSeconds(5), 1, Duration.ofMillis(1), Duration.ofMillis(5)));
      ParserChain paid = new ParserChain(List.of(new LlmStoryParser(new StructuredChat(
          new OpenAiChat(openAi.baseUrl(), "sk-test", "gpt-4.1", http)))), new LocalStoryParser());
      Stages local = TestStages.under(assets);
      driver.close();
      driver = Driver.stages(StageTopology.build(Driver.SERDES, new Stages(paid, local.knowledge(), local.memory(), local.planner(),
          local.generator(), local.editor(), local.probe(), local.critic(), local.assets()), RunTracing.OFF), state);
      RunRequested run = request("run-4", "The Fox", "A fox met a cat. The cat ran off.");
      run.getConfig().setMaxCostUsd(0.05);

      driver.input(Topics.RUNS_REQUESTED).pipeInput("run-4", run);

      assertThat(driver.output(Topics.RUN_EVENTS).readValuesToList()).last().satisfies(e -> {
        assertThat(e.getType()).isEqualTo(RunEventType.BUDGET_EXCEEDED);
        assertThat(e.getStage()).isEqualTo(Stage.PARSE);
        assertThat(e.getMessage()).contains("openai:gpt-4.1 may cost", "$0.0500 left");
      });
      assertThat(openAi.received).as("the call was not made").isEmpty();
      assertThat(driver.output(Topics.SCENES_PARSED).isEmpty()).as("nor the local parser tried").isTrue();
      assertThat(driver.output(Topics.DLQ).isEmpty()).as("not the record's fault").isTrue();
    }
  }

  static RunRequested request(String runId, String title, String text) {
    return RunRequested.newBuilder().setRunId(runId).setStoryId("story-" + runId).setTitle(title).setText(text)
        .setConfig(RunConfig.newBuilder().setWidth(320).setHeight(180).build()).setRequestedAt(1).build();
  }
}
