package dev.krag.api;

import dev.krag.schemas.Run;
import dev.krag.schemas.RunCosts;
import dev.krag.schemas.ShotAssetsProgress;
import dev.krag.schemas.Story;
import dev.krag.topologies.bookkeeping.BookkeepingTopology;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.query.KeyQuery;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.RangeQuery;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * Reads stories, run state, costs and shots from the bookkeeping's stores with interactive queries (IQv2). This
 * instance answers for the keys it owns; routing a key to the instance that owns it is the API's
 * next step (issue 6).
 */
public final class StreamsRunQueries implements RunQueries {

  private static final int RETRY_AFTER_SECONDS = 2;

  private final KafkaStreams bookkeeping;

  public StreamsRunQueries(KafkaStreams bookkeeping) {
    this.bookkeeping = bookkeeping;
  }

  @Override
  public Lookup<Run> run(String runId) {
    return lookup(BookkeepingTopology.RUN_STATE, runId);
  }

  @Override
  public Lookup<RunCosts> costs(String runId) {
    return lookup(BookkeepingTopology.RUN_COSTS, runId);
  }

  @Override
  public Lookup<ShotAssetsProgress> shots(String runId) {
    return lookup(BookkeepingTopology.SHOT_ASSETS, runId);
  }

  @Override
  public Lookup<Story> story(String storyId) {
    return lookup(BookkeepingTopology.STORIES, storyId);
  }

  @Override
  public Lookup<List<Run>> runs() {
    if (!ready()) {
      return new Lookup.Unavailable<>(RETRY_AFTER_SECONDS, "the state stores are " + bookkeeping.state());
    }
    StateQueryResult<KeyValueIterator<String, Run>> result = bookkeeping.query(
        StateQueryRequest.inStore(BookkeepingTopology.RUN_STATE).withQuery(RangeQuery.<String, Run>withNoBounds()));
    List<Run> runs = new ArrayList<>();
    for (QueryResult<KeyValueIterator<String, Run>> partition : result.getPartitionResults().values()) {
      if (partition.isFailure()) {
        return new Lookup.Unavailable<>(RETRY_AFTER_SECONDS, "a partition of " + BookkeepingTopology.RUN_STATE + " is not ready");
      }
      try (KeyValueIterator<String, Run> all = partition.getResult()) {
        all.forEachRemaining(entry -> runs.add(entry.value));
      }
    }
    return new Lookup.Found<>(runs);
  }

  @Override
  public boolean ready() {
    return bookkeeping.state() == KafkaStreams.State.RUNNING;
  }

  private <V> Lookup<V> lookup(String store, String key) {
    if (!ready()) {
      return new Lookup.Unavailable<>(RETRY_AFTER_SECONDS, "the state stores are " + bookkeeping.state());
    }
    StateQueryResult<V> result = bookkeeping.query(StateQueryRequest.inStore(store).withQuery(KeyQuery.<String, V>withKey(key)));
    boolean anyFailed = false;
    for (QueryResult<V> partition : result.getPartitionResults().values()) {
      if (partition.isSuccess() && partition.getResult() != null) {
        return new Lookup.Found<>(partition.getResult());
      }
      anyFailed |= partition.isFailure();
    }
    // A partition that could not answer may hold the key: say "not now" rather than "not there".
    return anyFailed ? new Lookup.Unavailable<>(RETRY_AFTER_SECONDS, "a partition of " + store + " is not ready")
        : new Lookup.Missing<>();
  }
}
