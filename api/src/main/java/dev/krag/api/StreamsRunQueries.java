package dev.krag.api;

import dev.krag.schemas.ApiKey;
import dev.krag.schemas.Run;
import dev.krag.schemas.RunCosts;
import dev.krag.schemas.ShotAssetsProgress;
import dev.krag.schemas.Story;
import dev.krag.topologies.bookkeeping.BookkeepingTopology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.query.KeyQuery;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.RangeQuery;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads stories, run state, costs and shots from the bookkeeping's stores with interactive
 * queries (IQv2). A key is read where it lives: here if this instance owns its partition, else
 * from the instance that does ({@code application.server}); a list gathers every instance's part.
 * During a rebalance the answer is "not now" (503), never a wrong or an empty one.
 */
public final class StreamsRunQueries implements RunQueries {

  private static final int RETRY_AFTER_SECONDS = 2;
  /** The stores the API reads, with what they hold. */
  private static final Map<String, Class<? extends SpecificRecord>> STORES = Map.of(
      BookkeepingTopology.RUN_STATE, Run.class,
      BookkeepingTopology.RUN_COSTS, RunCosts.class,
      BookkeepingTopology.SHOT_ASSETS, ShotAssetsProgress.class,
      BookkeepingTopology.STORIES, Story.class);

  private final KafkaStreams bookkeeping;
  private final Optional<HostInfo> self;
  private final Optional<PeerStores> peers;

  /** A single instance: every key is here. */
  public StreamsRunQueries(KafkaStreams bookkeeping) {
    this.bookkeeping = bookkeeping;
    this.self = Optional.empty();
    this.peers = Optional.empty();
  }

  /** One of several instances, {@code self} being this one's {@code application.server}; it asks the others with its admin key. */
  public StreamsRunQueries(KafkaStreams bookkeeping, HostInfo self, ApiKeyToken adminKey) {
    this.bookkeeping = bookkeeping;
    this.self = Optional.of(self);
    this.peers = Optional.of(new PeerStores(adminKey.text()));
  }

  @Override
  public Lookup<Run> run(String runId) {
    return routed(BookkeepingTopology.RUN_STATE, runId, Run.class);
  }

  @Override
  public Lookup<RunCosts> costs(String runId) {
    return routed(BookkeepingTopology.RUN_COSTS, runId, RunCosts.class);
  }

  @Override
  public Lookup<ShotAssetsProgress> shots(String runId) {
    return routed(BookkeepingTopology.SHOT_ASSETS, runId, ShotAssetsProgress.class);
  }

  @Override
  public Lookup<Story> story(String storyId) {
    return routed(BookkeepingTopology.STORIES, storyId, Story.class);
  }

  @Override
  public Lookup<List<Run>> runs() {
    Lookup<List<SpecificRecord>> here = local(BookkeepingTopology.RUN_STATE);
    if (!(here instanceof Lookup.Found<List<SpecificRecord>> found)) {
      return notNow("the run-state store is not ready here");
    }
    List<Run> runs = new ArrayList<>(found.value().stream().map(Run.class::cast).toList());
    for (StreamsMetadata instance : bookkeeping.metadataForAllStreamsClients()) {
      if (self.isPresent() && !instance.hostInfo().equals(self.get()) && instance.stateStoreNames().contains(BookkeepingTopology.RUN_STATE)) {
        switch (peers.orElseThrow().all(instance.hostInfo(), BookkeepingTopology.RUN_STATE, Run.class)) {
          case Lookup.Found<List<Run>> theirs -> runs.addAll(theirs.value());
          case Lookup.Missing<List<Run>> none -> { }
          case Lookup.Unavailable<List<Run>> u -> {
            return new Lookup.Unavailable<>(u.retryAfterSeconds(), u.reason());
          }
        }
      }
    }
    return new Lookup.Found<>(runs);
  }

  @Override
  public Lookup<ApiKey> apiKey(String keyId) {
    if (!ready()) {
      return notNow("the state stores are " + bookkeeping.state());
    }
    ApiKey key = apiKeyStore().get(keyId);
    return key == null ? new Lookup.Missing<>() : new Lookup.Found<>(key);
  }

  @Override
  public Lookup<List<ApiKey>> apiKeys() {
    if (!ready()) {
      return notNow("the state stores are " + bookkeeping.state());
    }
    List<ApiKey> keys = new ArrayList<>();
    try (KeyValueIterator<String, ApiKey> all = apiKeyStore().all()) {
      all.forEachRemaining(entry -> keys.add(entry.value));
    }
    return new Lookup.Found<>(keys);
  }

  /** A global store, whole on every instance; interactive queries v2 do not read global stores, so v1 does. */
  private ReadOnlyKeyValueStore<String, ApiKey> apiKeyStore() {
    return bookkeeping.store(StoreQueryParameters.fromNameAndType(BookkeepingTopology.API_KEYS, QueryableStoreTypes.keyValueStore()));
  }

  @Override
  public boolean ready() {
    return bookkeeping.state() == KafkaStreams.State.RUNNING;
  }

  private <V extends SpecificRecord> Lookup<V> routed(String store, String key, Class<V> type) {
    if (!ready()) {
      return notNow("the state stores are " + bookkeeping.state());
    }
    if (self.isEmpty()) {
      return cast(local(store, key), type);
    }
    KeyQueryMetadata owner = bookkeeping.queryMetadataForKey(store, key, Serdes.String().serializer());
    if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
      return notNow("no instance owns " + key + " in " + store + " yet");
    }
    return owner.activeHost().equals(self.get()) ? cast(local(store, key), type)
        : peers.orElseThrow().get(owner.activeHost(), store, key, type);
  }

  @Override
  public Lookup<SpecificRecord> local(String store, String key) {
    if (!STORES.containsKey(store)) {
      return new Lookup.Missing<>();
    }
    if (!ready()) {
      return notNow("the state stores are " + bookkeeping.state());
    }
    StateQueryResult<SpecificRecord> result = bookkeeping.query(
        StateQueryRequest.inStore(store).withQuery(KeyQuery.<String, SpecificRecord>withKey(key)));
    boolean anyFailed = false;
    for (QueryResult<SpecificRecord> partition : result.getPartitionResults().values()) {
      if (partition.isSuccess() && partition.getResult() != null) {
        return new Lookup.Found<>(partition.getResult());
      }
      anyFailed |= partition.isFailure();
    }
    // A partition that could not answer may hold the key: say "not now" rather than "not there".
    return anyFailed ? notNow("a partition of " + store + " is not ready") : new Lookup.Missing<>();
  }

  @Override
  public Lookup<List<SpecificRecord>> local(String store) {
    if (!STORES.containsKey(store)) {
      return new Lookup.Missing<>();
    }
    if (!ready()) {
      return notNow("the state stores are " + bookkeeping.state());
    }
    StateQueryResult<KeyValueIterator<String, SpecificRecord>> result = bookkeeping.query(
        StateQueryRequest.inStore(store).withQuery(RangeQuery.<String, SpecificRecord>withNoBounds()));
    List<SpecificRecord> values = new ArrayList<>();
    for (QueryResult<KeyValueIterator<String, SpecificRecord>> partition : result.getPartitionResults().values()) {
      if (partition.isFailure()) {
        return notNow("a partition of " + store + " is not ready");
      }
      try (KeyValueIterator<String, SpecificRecord> all = partition.getResult()) {
        all.forEachRemaining(entry -> values.add(entry.value));
      }
    }
    return new Lookup.Found<>(values);
  }

  @SuppressWarnings("unchecked")
  private static <V> Lookup<V> cast(Lookup<SpecificRecord> lookup, Class<V> type) {
    return (Lookup<V>) lookup; // the store of each read holds that type (STORES)
  }

  private static <T> Lookup<T> notNow(String reason) {
    return new Lookup.Unavailable<>(RETRY_AFTER_SECONDS, reason);
  }
}
