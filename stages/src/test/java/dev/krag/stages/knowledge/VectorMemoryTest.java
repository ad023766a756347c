package dev.krag.stages.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krag.schemas.Camera;
import dev.krag.schemas.Scene;
import dev.krag.schemas.Shot;
import dev.krag.stages.cost.Budget;
import dev.krag.stages.cost.Metered;
import dev.krag.stages.cost.ProviderCall;
import dev.krag.stages.llm.ProviderException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VectorMemoryTest {

  private static final MiniLmEmbedder MINI_LM = new MiniLmEmbedder();

  @Test
  void aShotThatRetellsAnEarlierMomentCarriesItsEcho() {
    VectorMemory memory = new VectorMemory(List.of(MINI_LM), new InMemoryVectorStore());
    List<Shot> shots = List.of(
        shot(0, "Hansel filled his pockets with white pebbles that shone like silver coins in the moonlight."),
        shot(1, "The witch lit the oven and the fire blazed up."),
        shot(2, "In the moonlight Hansel followed the shining white pebbles like new silver coins."));

    List<Shot> echoed = memory.remember("run-1", List.of(), shots, Budget.unlimited()).value();

    assertThat(echoed.get(0).getImagePrompt()).isEqualTo("prompt");
    assertThat(echoed.get(2).getImagePrompt()).contains("Echoes shot-0");
    assertThat(echoed.get(1).getImagePrompt()).doesNotContain("Echoes shot-2").doesNotContain("Echoes shot-0");
  }

  @Test
  void aShotRecallsTheEarlierPassageItRetellsButNeverItsOwnOrALaterOne() {
    VectorMemory memory = new VectorMemory(List.of(MINI_LM), new InMemoryVectorStore());
    List<Scene> scenes = List.of(
        scene(0, "Hansel gathered white pebbles in the moonlight and laid a trail of them through the forest.",
            "Hansel lays a trail of white pebbles."),
        scene(1, "The witch lived in a house made of bread with a roof of cake and windows of sugar.",
            "The witch's house of bread and cake."),
        scene(2, "Once more Hansel followed the trail of white pebbles that shone in the moonlight.",
            "Hansel follows the pebbles home."));
    List<Shot> shots = List.of(
        shot(0, "scene-001", "Hansel gathered white pebbles in the moonlight."),
        shot(1, "scene-002", "The house was made of bread and cake."),
        shot(2, "scene-003", "Once more Hansel followed the white pebbles that shone in the moonlight."));

    List<Shot> recalled = memory.remember("run-2", scenes, shots, Budget.unlimited()).value();

    assertThat(recalled.get(2).getImagePrompt()).contains("Recalls scene-001").contains("Hansel lays a trail");
    assertThat(recalled.get(0).getImagePrompt()).doesNotContain("Recalls");
    assertThat(recalled.get(1).getImagePrompt()).doesNotContain("Recalls scene-002").doesNotContain("Recalls scene-003");
  }

  @Test
  void whenAModelFailsMidRunTheWholeRunIsEmbeddedByTheNextInItsOwnCollections() {
    AtomicInteger calls = new AtomicInteger();
    Embedder failing = new Embedder() {
      @Override public String name() { return "openai:text-embedding-3-small"; }
      @Override public int dimensions() { return 384; }
      @Override public Embedding embed(String text) {
        if (calls.incrementAndGet() > 2) {
          throw new ProviderException(503, "overloaded");
        }
        return MINI_LM.embed(text);
      }
    };
    InMemoryVectorStore store = new InMemoryVectorStore();
    VectorMemory memory = new VectorMemory(List.of(failing, MINI_LM), store);
    List<Shot> shots = List.of(shot(0, "The wolf knocked at the door."), shot(1, "The miller sang."),
        shot(2, "Again the wolf knocked at the door."));

    Metered<List<Shot>> remembered = memory.remember("run-3", List.of(), shots, Budget.unlimited());

    assertThat(remembered.value().get(2).getImagePrompt()).contains("Echoes shot-0");
    assertThat(remembered.calls()).extracting(ProviderCall::provider).containsExactly("openai", "all-minilm-l6-v2");
    assertThat(store.ids(VectorStore.VIDEO_KNOWLEDGE + "_all_minilm_l6_v2")).hasSize(3);
    assertThat(store.ids(VectorStore.VIDEO_KNOWLEDGE)).as("the failed model's two vectors stay apart").hasSize(2);
  }

  @Test
  void theEmbeddingCachePaysOncePerTextUntilItExpires() {
    AtomicInteger calls = new AtomicInteger();
    Embedder counting = new Embedder() {
      @Override public String name() { return "counting"; }
      @Override public int dimensions() { return 2; }
      @Override public Embedding embed(String text) { calls.incrementAndGet(); return new Embedding(new float[] {1, 0}, 3); }
    };
    MutableClock clock = new MutableClock();
    CachingEmbedder cache = new CachingEmbedder(counting, new LocalVectorCache(Duration.ofHours(1), clock));

    assertThat(cache.embed("the wolf").tokens()).isEqualTo(3);
    assertThat(cache.embed("the wolf").tokens()).as("a cached vector costs nothing").isZero();
    cache.embed("the fox");
    clock.now = clock.now.plus(Duration.ofMinutes(61));
    cache.embed("the wolf");

    assertThat(calls).hasValue(3);
  }

  static Shot shot(int index, String narration) {
    return shot(index, "scene-001", narration);
  }

  static Shot shot(int index, String sceneId, String narration) {
    return Shot.newBuilder().setShotId("shot-" + index).setSceneId(sceneId).setIndex(index).setDurationSeconds(3)
        .setCamera(Camera.WIDE).setNarration(narration).setImagePrompt("prompt").setLocationId("loc-forest").build();
  }

  private static Scene scene(int index, String text, String summary) {
    return Scene.newBuilder().setId(String.format("scene-%03d", index + 1)).setIndex(index).setTitle("The forest").setSummary(summary)
        .setLocationId("loc-forest").setText(text).setStartOffset(0).setEndOffset(text.length()).build();
  }

  private static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  }
}
