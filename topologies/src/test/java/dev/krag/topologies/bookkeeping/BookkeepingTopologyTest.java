package dev.krag.topologies.bookkeeping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.krag.schemas.AssetKeys;
import dev.krag.schemas.Story;
import dev.krag.schemas.StorySource;
import dev.krag.schemas.AssetRow;
import dev.krag.schemas.CheckResult;
import dev.krag.schemas.CostEvent;
import dev.krag.schemas.CostSpike;
import dev.krag.schemas.Critique;
import dev.krag.schemas.EditRequested;
import dev.krag.schemas.Feedback;
import dev.krag.schemas.FeedbackAction;
import dev.krag.schemas.FeedbackRow;
import dev.krag.schemas.Run;
import dev.krag.schemas.RunConfig;
import dev.krag.schemas.RunCosts;
import dev.krag.schemas.RunEvent;
import dev.krag.schemas.RunEventType;
import dev.krag.schemas.RunRequested;
import dev.krag.schemas.RunStatus;
import dev.krag.schemas.ShotAssets;
import dev.krag.schemas.ShotTask;
import dev.krag.schemas.Stage;
import dev.krag.schemas.Topics;
import dev.krag.schemas.Verdict;
import dev.krag.schemas.VideoEdited;
import dev.krag.stages.Fixtures;
import dev.krag.stages.cost.ProviderCall;
import dev.krag.topologies.CostEvents;
import dev.krag.topologies.Driver;
import dev.krag.topologies.RunEvents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BookkeepingTopologyTest {

  private static final String RUN = "run-test";

  @TempDir Path state;
  private Driver driver;

  @BeforeEach
  void start() {
    driver = Driver.bookkeeping(BookkeepingTopology.build(Driver.SERDES), state);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void runEventsFoldIntoTheRunStateAndThePublishedRun() {
    driver.input(Topics.RUNS_REQUESTED).pipeInput(RUN, request());
    events(RunEvents.of(RUN, Stage.PARSE, RunEventType.COMPLETED, 0, "", "", Map.of("scenes", "3"), 2),
        RunEvents.of(RUN, Stage.PLAN, RunEventType.COMPLETED, 0, "", "", Map.of("shots", "7"), 3));

    Run run = driver.storeValue(BookkeepingTopology.RUN_STATE, RUN);
    assertThat(run.getStatus()).isEqualTo(RunStatus.RUNNING);
    assertThat(run.getScenes()).isEqualTo(3);
    assertThat(run.getShots()).isEqualTo(7);
    List<Run> published = driver.output(Topics.RUNS).readValuesToList();
    assertThat(published).last().isEqualTo(run);
    assertThat(published).extracting(Run::getStatus).startsWith(RunStatus.REQUESTED);
  }

  @Test
  void aPostedStoryIsKeptByItsIdAndATombstoneRemovesIt() {
    Story story = Story.newBuilder().setStoryId("story-1").setTitle("The Fox").setText("A fox met a cat.")
        .setSource(StorySource.API).setCreatedAt(1).build();

    driver.input(Topics.STORIES).pipeInput("story-1", story);
    assertThat((Story) driver.storeValue(BookkeepingTopology.STORIES, "story-1")).isEqualTo(story);

    driver.input(Topics.STORIES).pipeInput("story-1", null);
    assertThat((Story) driver.storeValue(BookkeepingTopology.STORIES, "story-1")).isNull();
  }

  @Test
  void aCostEventDeliveredTwiceIsCountedOnce() {
    CostEvent call = CostEvent.newBuilder().setEventId("cost-1").setRunId(RUN).setStage(Stage.GENERATE)
        .setProvider("replicate").setModel("sdxl").setUnits(1).setUnit("image").setUsd(0.004).setComputeSeconds(2).setAt(1)
        .build();
    CostEvent other = CostEvent.newBuilder(call).setEventId("cost-2").build();

    driver.input(Topics.COSTS).pipeInput(RUN, call);
    driver.input(Topics.COSTS).pipeInput(RUN, call);
    driver.input(Topics.COSTS).pipeInput(RUN, other);

    RunCosts costs = driver.storeValue(BookkeepingTopology.RUN_COSTS, RUN);
    assertThat(costs.getTotalUsd()).isEqualTo(0.008, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(costs.getLines()).singleElement().satisfies(line -> assertThat(line.getCalls()).isEqualTo(2));
    Run run = driver.storeValue(BookkeepingTopology.RUN_STATE, RUN);
    assertThat(run.getCostUsd()).isEqualTo(0.008, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(run.getCostLines()).as("the bill rides on the run").isEqualTo(costs.getLines());
  }

  @Test
  void anEditIsRequestedOnceWhenEveryShotIsInWhateverTheOrderAndDuplicates() {
    List<ShotAssets> assets = assetsOf(3, 0);

    driver.input(Topics.ASSETS_GENERATED).pipeInput(RUN, assets.get(2));
    driver.input(Topics.ASSETS_GENERATED).pipeInput(RUN, assets.get(0));
    driver.input(Topics.ASSETS_GENERATED).pipeInput(RUN, assets.get(0));
    driver.input(Topics.ASSETS_GENERATED).pipeInput(RUN, assets.get(1));
    driver.input(Topics.ASSETS_GENERATED).pipeInput(RUN, assets.get(1));

    List<EditRequested> edits = driver.output(Topics.EDITS_REQUESTED).readValuesToList();
    assertThat(edits).singleElement().satisfies(edit -> {
      assertThat(edit.getIteration()).isZero();
      assertThat(edit.getShots()).extracting(s -> s.getTask().getShot().getShotId()).containsExactly("s1", "s2", "s3");
    });
  }

  @Test
  void refineRendersOnlyTheShotsAtFaultThenEditsAgainAndCompletes() {
    assetsOf(3, 0).forEach(a -> driver.input(Topics.ASSETS_GENERATED).pipeInput(RUN, a));
    TestOutputTopic<String, EditRequested> edits = driver.output(Topics.EDITS_REQUESTED);
    edits.readValuesToList();

    driver.input(Topics.CRITIQUES).pipeInput(RUN, critique(0, Verdict.REFINE, List.of("s2")));

    List<TestRecord<String, ShotTask>> tasks = driver.output(Topics.SHOT_TASKS).readRecordsToList();
    assertThat(tasks).singleElement().satisfies(task -> {
      assertThat(task.key()).isEqualTo(Topics.shotTaskKey(RUN, "s2"));
      assertThat(task.value().getIteration()).isEqualTo(1);
      assertThat(task.value().getRefinementHint()).contains("slower");
    });

    driver.input(Topics.CRITIQUES).pipeInput(RUN, critique(0, Verdict.REFINE, List.of("s2")));
    assertThat(driver.output(Topics.SHOT_TASKS).readValuesToList()).as("a redelivered verdict starts nothing").isEmpty();

    driver.input(Topics.ASSETS_GENERATED).pipeInput(RUN, assetsOf(3, 1).get(1));
    EditRequested second = edits.readValue();
    assertThat(second.getIteration()).isEqualTo(1);
    assertThat(second.getShots()).extracting(s -> s.getTask().getIteration()).containsExactly(0, 1, 0);

    driver.input(Topics.CRITIQUES).pipeInput(RUN, critique(1, Verdict.ACCEPT, List.of()));
    List<RunEvent> events = driver.output(Topics.RUN_EVENTS).readValuesToList();
    assertThat(events).extracting(RunEvent::getType).contains(RunEventType.REFINING, RunEventType.COMPLETED);

    driver.input(Topics.RUNS_REQUESTED).pipeInput(RUN, request());
    events.forEach(e -> driver.input(Topics.RUN_EVENTS).pipeInput(RUN, e));
    Run run = driver.storeValue(BookkeepingTopology.RUN_STATE, RUN);
    assertThat(run.getStatus()).isEqualTo(RunStatus.COMPLETED);
    assertThat(run.getIteration()).isEqualTo(1);
    assertThat(run.getVideoPath()).isEqualTo("outputs/run-test/final.mp4");
  }

  @Test
  void aRefinementSharesWhatTheBudgetHasLeftAfterTheCostsCounted() {
    List<ShotAssets> shots = assetsOf(3, 0);
    shots.forEach(a -> a.getTask().getConfig().setMaxCostUsd(1.0));
    shots.forEach(a -> driver.input(Topics.ASSETS_GENERATED).pipeInput(RUN, a));
    driver.input(Topics.COSTS).pipeInput(RUN, CostEvents.of(RUN, Stage.GENERATE,
        new ProviderCall("s1#0", "openai", "gpt-image-1", 1, "image", 0.4, 3, false), 5));

    driver.input(Topics.CRITIQUES).pipeInput(RUN, critique(0, Verdict.REFINE, List.of("s1", "s2")));

    List<ShotTask> tasks = driver.output(Topics.SHOT_TASKS).readValuesToList();
    assertThat(tasks).hasSize(2);
    assertThat(tasks.stream().mapToDouble(ShotTask::getBudgetUsd).sum()).isCloseTo(0.6, within(1e-9));
  }

  @Test
  void aDayCostingMoreThanTwiceTheTrailingAverageRaisesOneSpikeAlert() {
    long day = Instant.parse("2026-11-20T00:00:00Z").toEpochMilli();
    long hours = Duration.ofHours(1).toMillis();
    cost("run-a", "a1", day + 9 * hours, 1.0);
    cost("run-b", "b1", day + 24 * hours + 9 * hours, 1.0);
    cost("run-c", "c1", day + 48 * hours + 9 * hours, 1.5);
    TestOutputTopic<String, CostSpike> alerts = driver.output(Topics.COST_ALERTS);
    assertThat(alerts.isEmpty()).as("$1.50 is not twice the mean of $1.00").isTrue();

    long fourth = day + 72 * hours;
    cost("run-d", "d1", fourth + 9 * hours, 1.0);
    cost("run-d", "d1", fourth + 9 * hours, 1.0);
    assertThat(alerts.isEmpty()).as("the same event twice is $1.00, not $2.00").isTrue();
    cost("run-e", "e1", fourth + 10 * hours, 1.9);
    cost("run-f", "f1", fourth + 11 * hours, 0.5);

    assertThat(alerts.readKeyValuesToList()).singleElement().satisfies(alert -> {
      assertThat(alert.key).isEqualTo("openai:gpt-image-1");
      assertThat(alert.value.getDay()).isEqualTo("2026-11-23");
      assertThat(alert.value.getDayUsd()).isCloseTo(2.9, within(1e-9));
      assertThat(alert.value.getTrailingAverageUsd()).isCloseTo(3.5 / 3, within(1e-9));
      assertThat(alert.value.getTrailingDays()).isEqualTo(3);
    });
  }

  private void cost(String runId, String callKey, long at, double usd) {
    driver.input(Topics.COSTS).pipeInput(runId, CostEvents.of(runId, Stage.GENERATE,
        new ProviderCall(callKey, "openai", "gpt-image-1", 1, "image", usd, 3, false), at), Instant.ofEpochMilli(at));
  }

  @Test
  void aRunStoppedByItsBudgetStaysStopped() {
    driver.input(Topics.RUNS_REQUESTED).pipeInput(RUN, request());
    events(RunEvents.of(RUN, Stage.GENERATE, RunEventType.BUDGET_EXCEEDED, 0, "s2", "budget exceeded: the shot's share", Map.of(), 4),
        RunEvents.of(RUN, Stage.GENERATE, RunEventType.SHOT_READY, 0, "s3", "", Map.of("shotId", "s3"), 5));

    Run run = driver.storeValue(BookkeepingTopology.RUN_STATE, RUN);
    assertThat(run.getStatus()).isEqualTo(RunStatus.BUDGET_EXCEEDED);
    assertThat(run.getError()).contains("budget exceeded");
    assertThat(run.getReadyShots()).as("an ended run takes no more news").isEmpty();
  }

  @Test
  void aRejectedVideoFailsTheRun() {
    assetsOf(1, 0).forEach(a -> driver.input(Topics.ASSETS_GENERATED).pipeInput(RUN, a));

    driver.input(Topics.CRITIQUES).pipeInput(RUN, critique(0, Verdict.REJECT, List.of()));

    RunEvent failed = driver.output(Topics.RUN_EVENTS).readValuesToList().getLast();
    assertThat(failed.getType()).isEqualTo(RunEventType.FAILED);
    assertThat(failed.getMessage()).contains("scene-coverage");
  }

  @Test
  void aPersonRejectingAShotRendersItAgainWithTheirComment() {
    assetsOf(2, 0).forEach(a -> driver.input(Topics.ASSETS_GENERATED).pipeInput(RUN, a));

    driver.input(Topics.FEEDBACK).pipeInput(RUN, Feedback.newBuilder().setFeedbackId("fb-1").setRunId(RUN)
        .setAction(FeedbackAction.REJECT_SHOT).setShotId("s1").setComment("make the fox bigger").setCreatedAt(1).build());

    ShotTask task = driver.output(Topics.SHOT_TASKS).readValue();
    assertThat(task.getShot().getShotId()).isEqualTo("s1");
    assertThat(task.getRefinementHint()).isEqualTo("make the fox bigger");
  }

  @Test
  void aPersonAskingForAChangeOfTheWholeRunRendersEveryShotAgainWithIt() {
    assetsOf(2, 0).forEach(a -> driver.input(Topics.ASSETS_GENERATED).pipeInput(RUN, a));

    driver.input(Topics.FEEDBACK).pipeInput(RUN, Feedback.newBuilder().setFeedbackId("fb-2").setRunId(RUN)
        .setAction(FeedbackAction.REVISE_RUN).setShotId("").setComment("all of it by moonlight").setCreatedAt(1).build());

    List<ShotTask> tasks = driver.output(Topics.SHOT_TASKS).readValuesToList();
    assertThat(tasks).extracting(t -> t.getShot().getShotId()).containsExactlyInAnyOrder("s1", "s2");
    assertThat(tasks).allSatisfy(t -> {
      assertThat(t.getRefinementHint()).isEqualTo("all of it by moonlight");
      assertThat(t.getIteration()).isEqualTo(1);
    });
    FeedbackRow row = driver.output(Topics.FEEDBACK_ROWS).readKeyValuesToMap().get("fb-2");
    assertThat(row.getTargetType()).isEqualTo("run");
    assertThat(row.getIssues()).singleElement().satisfies(i -> assertThat(i.getFixCategory()).isEqualTo("revise"));
  }

  /**
   * TopologyTestDriver (4.4) calls the deserialization handler but does not capture the dead-letter
   * records it returns; the handler's record is tested in DeadLetterHandlersTest and its landing on
   * the topic in the broker integration test.
   */
  @Test
  void anUnreadableRecordIsSkippedAndTheNextOneIsProcessed() {
    driver.rawInput(Topics.COSTS).pipeInput(RUN.getBytes(StandardCharsets.UTF_8), "not avro".getBytes(StandardCharsets.UTF_8));
    driver.input(Topics.RUNS_REQUESTED).pipeInput(RUN, request());

    assertThat((Run) driver.storeValue(BookkeepingTopology.RUN_STATE, RUN)).isNotNull();
    assertThat((RunCosts) driver.storeValue(BookkeepingTopology.RUN_COSTS, RUN)).isNull();
  }

  @Test
  void aRenderedShotIsTwoAssetRowsAVideoOneAndACritiqueOrAPersonsWordOneFeedbackRowEachKeyedByItsId() {
    ShotAssets shot = assetsOf(1, 0).getFirst();
    driver.input(Topics.ASSETS_GENERATED).pipeInput(RUN, shot);
    driver.input(Topics.ASSETS_GENERATED).pipeInput(RUN, shot); // redelivered: the same rows again, upserted by id
    driver.input(Topics.VIDEOS_EDITED).pipeInput(RUN, VideoEdited.newBuilder().setRunId(RUN).setTitle("t").setIteration(0)
        .setVideoPath("outputs/run-test/final.mp4").setPlannedSeconds(2).setShots(List.of(shot)).setSceneCount(1)
        .setConfig(RunConfig.newBuilder().build()).build());
    driver.input(Topics.CRITIQUES).pipeInput(RUN, critique(0, Verdict.ACCEPT, List.of()));
    driver.input(Topics.FEEDBACK).pipeInput(RUN, Feedback.newBuilder().setFeedbackId("fb-1").setRunId(RUN)
        .setAction(FeedbackAction.REJECT_SHOT).setShotId("s1").setComment("the fox is missing").setCreatedAt(5).build());

    Map<String, AssetRow> assets = driver.output(Topics.ASSET_ROWS).readKeyValuesToMap();
    assertThat(assets).containsOnlyKeys("img-0-0", "a-0", "m-0", RUN + "/video/0");
    assertThat(assets.get("m-0").getAssetType()).isEqualTo("audio");
    assertThat(assets.get("m-0").getGenerationParams()).containsEntry("stem", "music").containsEntry("shot", "s1")
        .containsEntry("mood", "CALM");
    assertThat(assets.get("img-0-0").getAssetType()).isEqualTo("image");
    assertThat(assets.get("img-0-0").getGenerationParams()).containsEntry("shot", "s1").containsKeys("prompt", "camera");
    assertThat(assets.get("a-0").getAssetType()).isEqualTo("audio");
    assertThat(assets.get("a-0").getGenerationParams()).containsEntry("narration", "narration 0");
    assertThat(assets.get(RUN + "/video/0").getFilePath()).isEqualTo("outputs/run-test/final.mp4");
    assertThat(assets.values()).allMatch(a -> a.getRunId().equals(RUN));
    Map<String, FeedbackRow> feedback = driver.output(Topics.FEEDBACK_ROWS).readKeyValuesToMap();
    assertThat(feedback).containsOnlyKeys(RUN + "/critic/0", "fb-1");
    FeedbackRow critic = feedback.get(RUN + "/critic/0");
    assertThat(critic.getSource()).isEqualTo("critic");
    assertThat(critic.getTargetId()).isEqualTo(RUN);
    assertThat(critic.getScores()).containsEntry("checks", 0.9).containsKeys("hook", "pacing", "audioMix");
    FeedbackRow person = feedback.get("fb-1");
    assertThat(person.getSource()).isEqualTo("human");
    assertThat(person.getTargetType()).isEqualTo("shot");
    assertThat(person.getIssues()).singleElement().satisfies(i -> assertThat(i.getDetail()).isEqualTo("the fox is missing"));
  }

  private void events(RunEvent... events) {
    for (RunEvent e : events) {
      driver.input(Topics.RUN_EVENTS).pipeInput(RUN, e);
    }
  }

  private static RunRequested request() {
    return RunRequested.newBuilder().setRunId(RUN).setStoryId("story-1").setTitle("The Fox And The Cat").setText("...")
        .setConfig(RunConfig.newBuilder().build()).setRequestedAt(1).build();
  }

  private static List<ShotAssets> assetsOf(int shots, int iteration) {
    return java.util.stream.IntStream.range(0, shots).mapToObj(i -> {
      ShotTask task = Fixtures.task("s" + (i + 1), "scene-" + (i + 1), i, "narration " + i, shots, shots);
      task.setIteration(iteration);
      task.setRunId(RUN);
      return ShotAssets.newBuilder().setTask(task).setImagePath("img-" + i + "-" + iteration).setAudioPath("a-" + i)
          .setMusicPath("m-" + i).setAudioSeconds(1).setDurationSeconds(2).setInputsHash("h" + i + iteration).build();
    }).toList();
  }

  private static Critique critique(int iteration, Verdict verdict, List<String> atFault) {
    CheckResult pace = new CheckResult("narration-pace", atFault.isEmpty() ? 1.0 : 0.5, 1.0, atFault.isEmpty(),
        "1 shot read too fast (slower for " + atFault + ")", atFault);
    CheckResult scenes = new CheckResult("scene-coverage", verdict == Verdict.REJECT ? 0.5 : 1.0, 1.0,
        verdict != Verdict.REJECT, "scenes", List.of());
    return Critique.newBuilder().setRunId(RUN).setIteration(iteration).setVerdict(verdict).setScore(0.9)
        .setChecks(List.of(scenes, pace)).setShotsAtFault(atFault).setVideoPath("outputs/run-test/final.mp4")
        .setDurationSeconds(6).setSceneCount(3).setShotCount(3).build();
  }
}
