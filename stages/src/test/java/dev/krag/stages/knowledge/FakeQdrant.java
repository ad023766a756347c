package dev.krag.stages.knowledge;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Collections.CollectionExists;
import io.qdrant.client.grpc.Collections.CollectionExistsRequest;
import io.qdrant.client.grpc.Collections.CollectionExistsResponse;
import io.qdrant.client.grpc.Collections.CollectionOperationResponse;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.CollectionsGrpc;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.Condition;
import io.qdrant.client.grpc.Points.CreateFieldIndexCollection;
import io.qdrant.client.grpc.Points.PointId;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointsOperationResponse;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.QueryResponse;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.UpdateResult;
import io.qdrant.client.grpc.Points.UpdateStatus;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.PointsGrpc;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test double of a Qdrant server, since none can run on this machine: the Collections and Points
 * gRPC services of Qdrant's own protocol (the messages the real client sends and reads), in
 * process, answering exists/create/create-field-index/upsert/query from maps with exact cosine
 * search. It keeps every request and the API key it saw so tests can check what went on the wire.
 */
final class FakeQdrant implements AutoCloseable {

  private record Collection(CreateCollection definition, Map<PointId, PointStruct> points) {}

  final Map<String, Collection> collections = new ConcurrentHashMap<>();
  final List<Object> requests = new CopyOnWriteArrayList<>();
  final List<String> apiKeys = new CopyOnWriteArrayList<>();
  private final String name = "fake-qdrant-" + UUID.randomUUID();
  private final Server server;

  FakeQdrant() throws IOException {
    server = InProcessServerBuilder.forName(name).directExecutor()
        .addService(ServerInterceptors.intercept(new CollectionsService(), new ApiKeyRecorder()))
        .addService(ServerInterceptors.intercept(new PointsService(), new ApiKeyRecorder()))
        .build().start();
  }

  /** A store on this server through the real client, over an in-process channel. */
  QdrantVectorStore connect(String apiKey) {
    ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    return new QdrantVectorStore(QdrantGrpcClient.newBuilder(channel, true).withApiKey(apiKey).build(), Duration.ofSeconds(5));
  }

  @Override
  public void close() {
    server.shutdownNow();
  }

  private final class ApiKeyRecorder implements ServerInterceptor {
    private static final Metadata.Key<String> API_KEY = Metadata.Key.of("api-key", Metadata.ASCII_STRING_MARSHALLER);

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
      String key = headers.get(API_KEY);
      if (key != null) {
        apiKeys.add(key);
      }
      return next.startCall(call, headers);
    }
  }

  private final class CollectionsService extends CollectionsGrpc.CollectionsImplBase {
    @Override
    public void collectionExists(CollectionExistsRequest request, StreamObserver<CollectionExistsResponse> response) {
      requests.add(request);
      response.onNext(CollectionExistsResponse.newBuilder()
          .setResult(CollectionExists.newBuilder().setExists(collections.containsKey(request.getCollectionName()))).build());
      response.onCompleted();
    }

    @Override
    public void create(CreateCollection request, StreamObserver<CollectionOperationResponse> response) {
      requests.add(request);
      if (collections.putIfAbsent(request.getCollectionName(), new Collection(request, new ConcurrentHashMap<>())) != null) {
        response.onError(Status.ALREADY_EXISTS.withDescription("Collection `" + request.getCollectionName() + "` already exists!")
            .asRuntimeException());
        return;
      }
      response.onNext(CollectionOperationResponse.newBuilder().setResult(true).build());
      response.onCompleted();
    }
  }

  private final class PointsService extends PointsGrpc.PointsImplBase {
    @Override
    public void createFieldIndex(CreateFieldIndexCollection request, StreamObserver<PointsOperationResponse> response) {
      requests.add(request);
      if (!exists(request.getCollectionName(), response)) {
        return;
      }
      completed(response);
    }

    @Override
    public void upsert(UpsertPoints request, StreamObserver<PointsOperationResponse> response) {
      requests.add(request);
      if (!exists(request.getCollectionName(), response)) {
        return;
      }
      Collection collection = collections.get(request.getCollectionName());
      long size = collection.definition().getVectorsConfig().getParams().getSize();
      for (PointStruct point : request.getPointsList()) {
        if (dense(point).size() != size) {
          response.onError(Status.INVALID_ARGUMENT.withDescription("Wrong input: Vector dimension error: expected dim: "
              + size + ", got " + dense(point).size()).asRuntimeException());
          return;
        }
      }
      request.getPointsList().forEach(p -> collection.points().put(p.getId(), p));
      completed(response);
    }

    @Override
    public void query(QueryPoints request, StreamObserver<QueryResponse> response) {
      requests.add(request);
      if (!exists(request.getCollectionName(), response)) {
        return;
      }
      List<Float> query = request.getQuery().getNearest().hasDense()
          ? request.getQuery().getNearest().getDense().getDataList()
          : List.of();
      List<ScoredPoint> scored = new ArrayList<>();
      for (PointStruct point : collections.get(request.getCollectionName()).points().values()) {
        if (request.getFilter().getMustList().stream().allMatch(c -> matches(c, point.getPayloadMap()))) {
          ScoredPoint.Builder hit = ScoredPoint.newBuilder().setId(point.getId()).setScore((float) cosine(query, dense(point)));
          if (request.getWithPayload().getEnable()) {
            hit.putAllPayload(point.getPayloadMap());
          }
          scored.add(hit.build());
        }
      }
      scored.sort(Comparator.comparingDouble(ScoredPoint::getScore).reversed());
      response.onNext(QueryResponse.newBuilder()
          .addAllResult(scored.subList(0, (int) Math.min(scored.size(), request.getLimit()))).build());
      response.onCompleted();
    }

    private static void completed(StreamObserver<PointsOperationResponse> response) {
      response.onNext(PointsOperationResponse.newBuilder()
          .setResult(UpdateResult.newBuilder().setStatus(UpdateStatus.Completed)).build());
      response.onCompleted();
    }
  }

  private boolean exists(String collection, StreamObserver<?> response) {
    if (!collections.containsKey(collection)) {
      response.onError(Status.NOT_FOUND.withDescription("Collection `" + collection + "` doesn't exist!").asRuntimeException());
      return false;
    }
    return true;
  }

  private static boolean matches(Condition condition, Map<String, Value> payload) {
    String key = condition.getField().getKey();
    String wanted = condition.getField().getMatch().getKeyword();
    return payload.containsKey(key) && payload.get(key).getStringValue().equals(wanted);
  }

  private static List<Float> dense(PointStruct point) {
    var vector = point.getVectors().getVector();
    return vector.hasDense() ? vector.getDense().getDataList() : vector.getDataList();
  }

  private static double cosine(List<Float> a, List<Float> b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.size(); i++) {
      dot += a.get(i) * b.get(i);
      na += a.get(i) * a.get(i);
      nb += b.get(i) * b.get(i);
    }
    return dot / Math.sqrt(na * nb);
  }
}
