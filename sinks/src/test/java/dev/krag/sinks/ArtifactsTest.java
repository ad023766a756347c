package dev.krag.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krag.schemas.AvroJson;
import dev.krag.schemas.AvroSamples;
import dev.krag.schemas.Critique;
import dev.krag.schemas.CritiqueHistory;
import dev.krag.schemas.RunEvent;
import dev.krag.schemas.ScenesParsed;
import dev.krag.schemas.ShotsPlanned;
import dev.krag.schemas.Verdict;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArtifactsTest {

  /** The bucket, as far as the artifacts see it. */
  private final Map<String, byte[]> bucket = new HashMap<>();

  @Test
  void theSceneGraphAndTheShotPlanAreTheRecordsAsJsonUnderTheRunsArtifacts() throws Exception {
    ScenesParsed graph = ScenesParsed.newBuilder(AvroSamples.of(ScenesParsed.class)).setRunId("run-1").setTitle("The Fox and the Cat").build();
    ShotsPlanned plan = ShotsPlanned.newBuilder(AvroSamples.of(ShotsPlanned.class)).setRunId("run-1").setSceneCount(2).build();

    Artifacts.Artifact scenes = store(graph);
    Artifacts.Artifact shots = store(plan);

    assertThat(scenes.key()).isEqualTo("artifacts/run-1/scene_graph.json");
    assertThat(AvroJson.read(scenes.json(), ScenesParsed.class)).isEqualTo(graph);
    assertThat(shots.key()).isEqualTo("artifacts/run-1/shot_plan.json");
    assertThat(AvroJson.read(shots.json(), ShotsPlanned.class)).isEqualTo(plan);
  }

  @Test
  void feedbackHoldsEveryIterationOnceInOrderWhateverTheOrderAndRepeatsOfDelivery() throws Exception {
    Critique first = critique(0, Verdict.REFINE);
    Critique second = critique(1, Verdict.ACCEPT);

    store(second);
    store(first);
    Artifacts.Artifact feedback = store(Critique.newBuilder(first).setScore(0.5).build());

    assertThat(feedback.key()).isEqualTo("artifacts/run-1/feedback.json");
    CritiqueHistory history = AvroJson.read(feedback.json(), CritiqueHistory.class);
    assertThat(history.getRunId()).isEqualTo("run-1");
    assertThat(history.getIterations()).extracting(Critique::getIteration).containsExactly(0, 1);
    assertThat(history.getIterations().getFirst().getScore()).as("the later delivery of an iteration replaces it").isEqualTo(0.5);
    assertThat(history.getIterations().getLast()).isEqualTo(second);
  }

  @Test
  void aRecordThatIsNoArtifactIsRefused() {
    assertThatThrownBy(() -> store(AvroSamples.of(RunEvent.class))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RunEvent");
  }

  private Artifacts.Artifact store(Object record) throws Exception {
    Artifacts.Artifact artifact = Artifacts.of(record, key -> Optional.ofNullable(bucket.get(key)));
    bucket.put(artifact.key(), artifact.json());
    return artifact;
  }

  private static Critique critique(int iteration, Verdict verdict) {
    return Critique.newBuilder(AvroSamples.of(Critique.class)).setRunId("run-1").setIteration(iteration).setVerdict(verdict)
        .setScore(0.9).build();
  }
}
