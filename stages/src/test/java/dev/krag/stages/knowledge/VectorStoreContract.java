package dev.krag.stages.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krag.stages.knowledge.VectorStore.Match;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link VectorStore} must do, written once and run against each implementation that
 * can be reached: a subclass says how to get its store. Each test works in a fresh collection.
 */
public abstract class VectorStoreContract {

  private static final int DIMENSIONS = 4;

  protected abstract VectorStore store();

  private String collection;

  @BeforeEach
  void freshCollection() {
    collection = "contract_" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
    store().ensureCollection(collection, DIMENSIONS);
  }

  @Test
  void theNearestComesFirstWithItsCosine() {
    store().upsert(collection, "run-a/north", new float[] {1, 0, 0, 0}, Map.of(VectorStore.RUN_ID, "run-a"));
    store().upsert(collection, "run-a/north-east", new float[] {1, 1, 0, 0}, Map.of(VectorStore.RUN_ID, "run-a"));
    store().upsert(collection, "run-a/south", new float[] {-1, 0, 0, 0}, Map.of(VectorStore.RUN_ID, "run-a"));

    List<Match> matches = store().nearest(collection, new float[] {2, 0, 0, 0}, 3, Map.of(VectorStore.RUN_ID, "run-a"));

    assertThat(matches).extracting(Match::id).containsExactly("run-a/north", "run-a/north-east", "run-a/south");
    assertThat(matches.get(0).score()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
    assertThat(matches.get(1).score()).isCloseTo(Math.sqrt(0.5), org.assertj.core.data.Offset.offset(1e-3));
  }

  @Test
  void writingTheSameIdTwiceLeavesOnePointWithTheLastPayload() {
    store().upsert(collection, "run-b/shot-1", new float[] {0, 1, 0, 0}, Map.of(VectorStore.RUN_ID, "run-b", "narration", "first"));
    store().upsert(collection, "run-b/shot-1", new float[] {0, 1, 0, 0}, Map.of(VectorStore.RUN_ID, "run-b", "narration", "second"));

    List<Match> matches = store().nearest(collection, new float[] {0, 1, 0, 0}, 5, Map.of(VectorStore.RUN_ID, "run-b"));

    assertThat(matches).singleElement().satisfies(m -> {
      assertThat(m.id()).isEqualTo("run-b/shot-1");
      assertThat(m.payload()).containsExactlyInAnyOrderEntriesOf(Map.of(VectorStore.RUN_ID, "run-b", "narration", "second"));
    });
  }

  @Test
  void theFilterKeepsOtherRunsOut() {
    store().upsert(collection, "run-c/near", new float[] {0, 0, 1, 0}, Map.of(VectorStore.RUN_ID, "run-c"));
    store().upsert(collection, "run-d/nearer", new float[] {0, 0, 1, 0}, Map.of(VectorStore.RUN_ID, "run-d"));

    List<Match> matches = store().nearest(collection, new float[] {0, 0, 1, 0}, 5, Map.of(VectorStore.RUN_ID, "run-c"));

    assertThat(matches).extracting(Match::id).containsExactly("run-c/near");
  }

  @Test
  void noMoreThanKComeBack() {
    for (int i = 0; i < 6; i++) {
      store().upsert(collection, "run-e/" + i, new float[] {1, i, 0, 0}, Map.of(VectorStore.RUN_ID, "run-e"));
    }

    List<Match> matches = store().nearest(collection, new float[] {1, 0, 0, 0}, 2, Map.of(VectorStore.RUN_ID, "run-e"));

    assertThat(matches).extracting(Match::id).containsExactly("run-e/0", "run-e/1");
  }

  @Test
  void ensuringACollectionAgainKeepsWhatItHolds() {
    store().upsert(collection, "run-f/kept", new float[] {0, 0, 0, 1}, Map.of(VectorStore.RUN_ID, "run-f"));

    store().ensureCollection(collection, DIMENSIONS);

    assertThat(store().nearest(collection, new float[] {0, 0, 0, 1}, 1, Map.of(VectorStore.RUN_ID, "run-f")))
        .extracting(Match::id).containsExactly("run-f/kept");
  }
}
