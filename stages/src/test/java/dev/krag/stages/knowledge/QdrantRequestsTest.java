package dev.krag.stages.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Points.CreateFieldIndexCollection;
import io.qdrant.client.grpc.Points.FieldType;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.UpsertPoints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the Qdrant adapter sends: the requests a real Qdrant would receive, as {@link FakeQdrant} saw them. */
class QdrantRequestsTest {

  private final FakeQdrant qdrant = new FakeQdrant();
  private final QdrantVectorStore store = qdrant.connect("test-key");

  QdrantRequestsTest() throws IOException {}

  @AfterEach
  void stop() {
    store.close();
    qdrant.close();
  }

  @Test
  void aMissingCollectionIsCreatedOnceForCosineAtTheModelsSizeWithTheRunIndexed() {
    store.ensureCollection(VectorStore.TEXT_KNOWLEDGE, 384);
    store.ensureCollection(VectorStore.TEXT_KNOWLEDGE, 384);

    assertThat(qdrant.requests).filteredOn(CreateCollection.class::isInstance).singleElement().satisfies(r -> {
      CreateCollection create = (CreateCollection) r;
      assertThat(create.getVectorsConfig().getParams().getSize()).isEqualTo(384);
      assertThat(create.getVectorsConfig().getParams().getDistance()).isEqualTo(Distance.Cosine);
    });
    assertThat(qdrant.requests).filteredOn(CreateFieldIndexCollection.class::isInstance).singleElement().satisfies(r -> {
      CreateFieldIndexCollection index = (CreateFieldIndexCollection) r;
      assertThat(index.getFieldName()).isEqualTo(VectorStore.RUN_ID);
      assertThat(index.getFieldType()).isEqualTo(FieldType.FieldTypeKeyword);
    });
  }

  @Test
  void pointsGetNameBasedUuidsAndWritesWaitUntilSearchable() {
    store.ensureCollection(VectorStore.VIDEO_KNOWLEDGE, 2);

    store.upsert(VectorStore.VIDEO_KNOWLEDGE, "run-1/shot-03", new float[] {1, 0}, Map.of(VectorStore.RUN_ID, "run-1"));

    assertThat(qdrant.requests).filteredOn(UpsertPoints.class::isInstance).singleElement().satisfies(r -> {
      UpsertPoints upsert = (UpsertPoints) r;
      assertThat(upsert.getWait()).isTrue();
      assertThat(upsert.getPoints(0).getId().getUuid())
          .isEqualTo(UUID.nameUUIDFromBytes("run-1/shot-03".getBytes(StandardCharsets.UTF_8)).toString());
    });
  }

  @Test
  void searchesFilterByKeywordAndAskForThePayload() {
    store.ensureCollection(VectorStore.VIDEO_KNOWLEDGE, 2);

    store.nearest(VectorStore.VIDEO_KNOWLEDGE, new float[] {1, 0}, 3, Map.of(VectorStore.RUN_ID, "run-1"));

    assertThat(qdrant.requests).filteredOn(QueryPoints.class::isInstance).singleElement().satisfies(r -> {
      QueryPoints query = (QueryPoints) r;
      assertThat(query.getLimit()).isEqualTo(3);
      assertThat(query.getWithPayload().getEnable()).isTrue();
      assertThat(query.getFilter().getMust(0).getField().getKey()).isEqualTo(VectorStore.RUN_ID);
      assertThat(query.getFilter().getMust(0).getField().getMatch().getKeyword()).isEqualTo("run-1");
    });
  }

  @Test
  void theApiKeyGoesWithEveryCall() {
    store.ensureCollection(VectorStore.TEXT_KNOWLEDGE, 2);

    assertThat(qdrant.apiKeys).hasSize(3).containsOnly("test-key");
  }

  @Test
  void aRefusedWriteSaysWhy() {
    store.ensureCollection(VectorStore.TEXT_KNOWLEDGE, 3);

    assertThatThrownBy(() -> store.upsert(VectorStore.TEXT_KNOWLEDGE, "run-1/x", new float[] {1, 0}, Map.of()))
        .hasMessageContaining("Vector dimension error");
  }
}
