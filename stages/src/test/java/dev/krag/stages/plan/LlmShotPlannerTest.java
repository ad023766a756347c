package dev.krag.stages.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.krag.schemas.Camera;
import dev.krag.schemas.RunConfig;
import dev.krag.schemas.Scene;
import dev.krag.schemas.Shot;
import dev.krag.stages.SharedStories;
import dev.krag.stages.SharedStories.Tale;
import dev.krag.stages.cost.Budget;
import dev.krag.stages.cost.Metered;
import dev.krag.stages.cost.ProviderCall;
import dev.krag.stages.llm.AttemptFailed;
import dev.krag.stages.llm.FakeOpenAi;
import dev.krag.stages.llm.HttpJson;
import dev.krag.stages.llm.OpenAiChat;
import dev.krag.stages.llm.StructuredChat;
import dev.krag.stages.parse.LocalStoryParser;
import dev.krag.stages.parse.SceneGraph;
import dev.krag.stages.text.Words;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The LLM shot planner against a local server speaking OpenAI's wire format. */
class LlmShotPlannerTest {

  private final FakeOpenAi openAi = new FakeOpenAi();
  private final RunConfig config = RunConfig.newBuilder().build();
  private final SceneGraph graph;

  LlmShotPlannerTest() throws Exception {
    Tale tale = SharedStories.read(SharedStories.grimm("43-the-fox-and-the-cat.txt"));
    graph = new LocalStoryParser().parse(tale.title(), tale.text());
  }

  @AfterEach
  void stop() {
    openAi.close();
  }

  private LlmShotPlanner planner() {
    HttpJson http = new HttpJson(new HttpJson.Policy(Duration.ofSeconds(5), 1, Duration.ofMillis(1), Duration.ofMillis(5)));
    return new LlmShotPlanner(new StructuredChat(new OpenAiChat(openAi.baseUrl(), "sk-test", "gpt-4.1", http)));
  }

  /** Stands in for the model: two sentences a shot, close-ups for lone characters, everyone in the scene seen. */
  private static String twoSentencesAShot(FakeOpenAi.Received request, Function<Map<String, Object>, Map<String, Object>> edit) {
    List<Map<String, Object>> shots = new ArrayList<>();
    for (JsonNode scene : request.userData().path("scenes")) {
      List<String> cast = new ArrayList<>();
      scene.path("characters").forEach(c -> cast.add(c.asText()));
      int n = scene.path("sentences").size();
      for (int first = 0; first < n; first += 2) {
        shots.add(edit.apply(Map.of("scene", scene.path("id").asText(), "firstSentence", first,
            "lastSentence", Math.min(first + 1, n - 1), "camera", cast.size() == 1 ? "CLOSE_UP" : "MEDIUM",
            "characters", cast, "moment", "the two of them on the road")));
      }
    }
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("shots", shots));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theModelCutsTheShotsAndTheNarrationStaysTheStorysOwnWords() {
    openAi.answering(r -> twoSentencesAShot(r, Function.identity()));

    Metered<List<Shot>> planned = planner().plan(graph, config, Budget.unlimited());

    List<Shot> shots = planned.value();
    assertThat(shots.stream().map(Shot::getSceneId).distinct()).containsExactlyElementsOf(graph.scenes().stream().map(Scene::getId).toList());
    assertThat(shots).extracting(Shot::getIndex).containsExactlyElementsOf(java.util.stream.IntStream.range(0, shots.size()).boxed().toList());
    int storyWords = graph.scenes().stream().mapToInt(s -> Words.count(s.getText())).sum();
    assertThat(shots.stream().mapToInt(s -> Words.count(s.getNarration())).sum()).isEqualTo(storyWords);
    assertThat(shots).allSatisfy(s -> {
      assertThat(s.getDurationSeconds()).isEqualTo(ShotPlanner.durationOf(s.getNarration(), config));
      assertThat(s.getImagePrompt()).contains("Moment: the two of them on the road");
      assertThat(s.getCamera()).isIn(Camera.MEDIUM, Camera.CLOSE_UP);
    });
    assertThat(planned.calls()).extracting(ProviderCall::model).containsExactly("gpt-4.1");
  }

  @Test
  void theCanonicalDescriptionsGoToTheModelAsData() {
    openAi.answering(r -> twoSentencesAShot(r, Function.identity()));

    planner().plan(graph, config, Budget.unlimited());

    JsonNode data = openAi.received.getFirst().userData();
    assertThat(data.path("characters").toString()).contains(graph.characters().getFirst().getDescription());
    assertThat(openAi.received.getFirst().systemMessage()).doesNotContain(graph.title());
  }

  @Test
  void aCharacterWhoIsNotInTheSceneIsRefused() {
    openAi.answering(r -> twoSentencesAShot(r, shot -> {
      Map<String, Object> changed = new java.util.HashMap<>(shot);
      changed.put("characters", List.of("the wolf"));
      return changed;
    }));

    assertThatThrownBy(() -> planner().plan(graph, config, Budget.unlimited())).isInstanceOf(AttemptFailed.class)
        .hasMessageContaining("'the wolf' is not a character of scene-001");
  }

  @Test
  void shotsThatSkipSentencesAreRefused() {
    openAi.answering(r -> twoSentencesAShot(r, shot -> {
      Map<String, Object> changed = new java.util.HashMap<>(shot);
      changed.put("lastSentence", shot.get("firstSentence"));
      return changed;
    }));

    assertThatThrownBy(() -> planner().plan(graph, config, Budget.unlimited())).isInstanceOf(AttemptFailed.class)
        .hasMessageContaining("expected to start at 1");
  }

  @Test
  void theChainFallsBackToTheLocalPlanner() {
    openAi.then(FakeOpenAi.error(503, "overloaded", Map.of()));

    Metered<List<Shot>> planned = new PlannerChain(List.of(planner()), new ShotPlanner()).plan(graph, config, Budget.unlimited());

    assertThat(planned.value()).hasSameSizeAs(new ShotPlanner().plan(graph, config));
    assertThat(planned.calls()).extracting(ProviderCall::provider).containsExactly("local-shot-planner");
  }
}
