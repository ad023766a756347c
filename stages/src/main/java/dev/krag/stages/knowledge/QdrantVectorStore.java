package dev.krag.stages.knowledge;

import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorsFactory.vectors;
import static io.qdrant.client.WithPayloadSelectorFactory.enable;

import com.google.common.util.concurrent.ListenableFuture;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.QueryFactory;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.Filter;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.UpsertPoints;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Vectors in Qdrant over gRPC, for deployments that run it. Qdrant takes only integers and UUIDs
 * as point ids, so each krag id becomes a name-based UUID (the same id always lands on the same
 * point, which keeps upserts idempotent) and travels in the payload under {@link #KEY}. Writes
 * wait for the point to be searchable, because the planner reads its own writes at once.
 */
public final class QdrantVectorStore implements VectorStore, AutoCloseable {

  /** Payload field holding the krag id of a point. */
  static final String KEY = "krag_id";

  private final QdrantClient client;
  private final Duration timeout;

  public QdrantVectorStore(QdrantGrpcClient grpc, Duration timeout) {
    this.client = new QdrantClient(grpc);
    this.timeout = timeout;
  }

  /** A store on the Qdrant whose gRPC endpoint is {@code host:port}, with an API key if non-blank. */
  public static QdrantVectorStore connect(String host, int port, boolean tls, String apiKey, Duration timeout) {
    QdrantGrpcClient.Builder grpc = QdrantGrpcClient.newBuilder(host, port, tls).withTimeout(timeout);
    if (!apiKey.isBlank()) {
      grpc.withApiKey(apiKey);
    }
    return new QdrantVectorStore(grpc.build(), timeout);
  }

  @Override
  public void ensureCollection(String collection, int dimensions) {
    if (await(client.collectionExistsAsync(collection, timeout))) {
      return;
    }
    await(client.createCollectionAsync(collection,
        VectorParams.newBuilder().setSize(dimensions).setDistance(Distance.Cosine).build(), timeout));
    // Every search is filtered by run: an indexed keyword keeps that filter cheap as runs pile up.
    await(client.createPayloadIndexAsync(collection, RUN_ID, PayloadSchemaType.Keyword, null, true, null, timeout));
  }

  @Override
  public void upsert(String collection, String id, float[] vector, Map<String, String> payload) {
    Map<String, Value> values = new LinkedHashMap<>();
    payload.forEach((k, v) -> values.put(k, value(v)));
    values.put(KEY, value(id));
    PointStruct point = PointStruct.newBuilder().setId(id(pointId(id))).setVectors(vectors(vector))
        .putAllPayload(values).build();
    await(client.upsertAsync(UpsertPoints.newBuilder().setCollectionName(collection).setWait(true)
        .addPoints(point).build(), timeout));
  }

  @Override
  public List<Match> nearest(String collection, float[] vector, int k, Map<String, String> filter) {
    Filter.Builder must = Filter.newBuilder();
    filter.forEach((key, value) -> must.addMust(matchKeyword(key, value)));
    List<ScoredPoint> points = await(client.queryAsync(QueryPoints.newBuilder().setCollectionName(collection)
        .setQuery(QueryFactory.nearest(vector)).setFilter(must).setLimit(k).setWithPayload(enable(true)).build(), timeout));
    return points.stream().map(QdrantVectorStore::match).toList();
  }

  @Override
  public void close() {
    client.close();
  }

  static UUID pointId(String id) {
    return UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8));
  }

  private static Match match(ScoredPoint point) {
    Map<String, String> payload = new LinkedHashMap<>();
    point.getPayloadMap().forEach((k, v) -> payload.put(k, v.getStringValue()));
    String id = payload.remove(KEY);
    return new Match(id, payload, point.getScore());
  }

  private <T> T await(ListenableFuture<T> call) {
    try {
      return call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling Qdrant", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Qdrant call failed: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      call.cancel(true);
      throw new IllegalStateException("Qdrant did not answer within " + timeout, e);
    }
  }
}
