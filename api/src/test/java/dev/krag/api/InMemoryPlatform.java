package dev.krag.api;

import dev.krag.schemas.ApiKey;
import dev.krag.schemas.Feedback;
import dev.krag.schemas.Role;
import dev.krag.schemas.Run;
import dev.krag.schemas.RunCosts;
import dev.krag.schemas.RunRequested;
import dev.krag.schemas.ShotAssetsProgress;
import dev.krag.schemas.Story;
import dev.krag.topologies.bookkeeping.RunStateAggregator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;

/** The stores and topics in memory; "not ready" stands for a rebalance. */
final class InMemoryPlatform implements RunQueries, Commands, RunNews {
  final Map<String, List<Consumer<News>>> watchers = new ConcurrentHashMap<>();
  final Map<String, Run> runs = new ConcurrentHashMap<>();
  final Map<String, Story> stories = new ConcurrentHashMap<>();
  final Map<String, ShotAssetsProgress> shots = new ConcurrentHashMap<>();
  final List<Story> posted = new ArrayList<>();
  final List<RunRequested> requested = new ArrayList<>();
  final List<Feedback> feedback = new ArrayList<>();
  final Map<String, ApiKey> keys = new ConcurrentHashMap<>();
  volatile boolean ready = true;

  /** No JWTs taken: API keys only. */
  static final JwtVerifier.JwtSettings NO_JWTS = new JwtVerifier.JwtSettings("krag", "krag-api", Optional.empty(), Optional.empty());

  /** API keys only, a limit no test reaches unless it means to, and room for a few runs. */
  static Security security() {
    return new Security(NO_JWTS, new LocalRateLimiter(new RateLimit(600, 60)), new Quotas(4, 25.0));
  }

  @Override
  public Lookup<Run> run(String runId) {
    return lookup(runs, runId);
  }

  @Override
  public Lookup<RunCosts> costs(String runId) {
    return lookup(Map.of(), runId);
  }

  @Override
  public Lookup<ShotAssetsProgress> shots(String runId) {
    return lookup(shots, runId);
  }

  @Override
  public Lookup<Story> story(String storyId) {
    return lookup(stories, storyId);
  }

  @Override
  public Lookup<ApiKey> apiKey(String keyId) {
    return lookup(keys, keyId);
  }

  @Override
  public Lookup<List<ApiKey>> apiKeys() {
    return new Lookup.Found<>(List.copyOf(keys.values()));
  }

  @Override
  public void issue(ApiKey key) {
    keys.put(key.getKeyId(), key);
  }

  /** A new key's token, the key kept as the platform keeps it. */
  String key(String principal, Role role) {
    ApiKeyToken.Issued issued = ApiKeyToken.issue(principal, role, System.currentTimeMillis());
    issue(issued.key());
    return issued.token().text();
  }

  @Override
  public Lookup<List<Run>> runs() {
    return ready ? new Lookup.Found<>(List.copyOf(runs.values())) : new Lookup.Unavailable<>(2, "rebalancing");
  }

  @Override
  public Lookup<SpecificRecord> local(String store, String key) {
    return store.equals("run-state") ? lookup(Map.<String, SpecificRecord>copyOf(runs), key) : new Lookup.Missing<>();
  }

  @Override
  public Lookup<List<SpecificRecord>> local(String store) {
    return ready ? new Lookup.Found<>(List.<SpecificRecord>copyOf(runs.values())) : new Lookup.Unavailable<>(2, "rebalancing");
  }

  @Override
  public boolean ready() {
    return ready;
  }

  private <T> Lookup<T> lookup(Map<String, T> store, String key) {
    if (!ready) {
      return new Lookup.Unavailable<>(2, "rebalancing");
    }
    return store.containsKey(key) ? new Lookup.Found<>(store.get(key)) : new Lookup.Missing<>();
  }

  @Override
  public void post(Story story) {
    posted.add(story);
    stories.put(story.getStoryId(), story);
  }

  @Override
  public Subscription subscribe(String runId, Consumer<News> listener) {
    watchers.computeIfAbsent(runId, id -> new CopyOnWriteArrayList<>()).add(listener);
    return () -> watchers.get(runId).remove(listener);
  }

  void tell(String runId, News news) {
    watchers.getOrDefault(runId, List.of()).forEach(listener -> listener.accept(news));
  }

  @Override
  public void request(RunRequested run) {
    requested.add(run);
    runs.put(run.getRunId(), RunStateAggregator.requested(null, run, System.currentTimeMillis()));
  }

  @Override
  public void send(Feedback feedback) {
    this.feedback.add(feedback);
  }
}
