package dev.krag.topologies.bookkeeping;

import dev.krag.schemas.ApiKey;
import dev.krag.schemas.DailyCost;
import dev.krag.schemas.Run;
import dev.krag.schemas.RunCosts;
import dev.krag.schemas.SerdeFactory;
import dev.krag.schemas.ShotAssetsProgress;
import dev.krag.schemas.Story;
import dev.krag.schemas.Topics;
import dev.krag.topologies.Wiring;
import dev.krag.topologies.analytics.AnalyticsRows;
import dev.krag.topologies.bookkeeping.BookkeepingProcessors.CostProcessor;
import dev.krag.topologies.bookkeeping.BookkeepingProcessors.FanInProcessor;
import dev.krag.topologies.bookkeeping.BookkeepingProcessors.RunEventProcessor;
import dev.krag.topologies.bookkeeping.BookkeepingProcessors.RunRequestedProcessor;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The run's ledger, exactly once: run state, costs (each event once), the fan-in of rendered shots
 * and the verdicts that complete, fail or refine a run; and the rows of the analytics tables
 * that are not one record each. Every input is keyed by run id and
 * co-partitioned, so one task holds all of a run's state.
 */
public final class BookkeepingTopology {

  public static final String APPLICATION_ID = "krag-bookkeeping";

  /** runId → Run: the live state the API and the CLI read. */
  public static final String RUN_STATE = "run-state";
  /** runId → RunCosts: the bill, with the ids of the events already counted. */
  public static final String RUN_COSTS = "run-costs";
  /** runId → ShotAssetsProgress: the fan-in. */
  public static final String SHOT_ASSETS = "shot-assets";
  /** "provider:model" → DailyCost in one-day windows: what each model cost each day, all runs together. */
  public static final String DAILY_COSTS = "daily-costs";
  /** storyId → Story: every story posted, for the API to read and run. */
  public static final String STORIES = "stories";
  /** keyId → ApiKey: every API key, whole on every instance (a global store over its compacted topic). */
  public static final String API_KEYS = "api-keys";

  static final String RUN_REQUESTED = "run-requested";
  static final String RUN_EVENTS = "run-state-aggregator";
  static final String COSTS = "run-costs-ledger";
  static final String FAN_IN = "shot-fan-in";
  static final String DAILY_COST_WINDOW = "daily-cost-window";
  static final String CRITIQUE_ROUTER = "critique-router";
  static final String FEEDBACK_ROUTER = "feedback-router";
  static final String STORY_CATALOGUE = "story-catalogue";
  static final String API_KEYS_SOURCE = "api-keys-source";
  static final String API_KEY_LOADER = "api-key-loader";

  private BookkeepingTopology() {}

  /** The changelog topics of the stores (Kafka names them {@code <application id>-<store>-changelog}), with their value types. */
  public static Map<String, Class<? extends SpecificRecord>> changelogs() {
    return Map.of(
        changelog(RUN_STATE), Run.class,
        changelog(RUN_COSTS), RunCosts.class,
        changelog(SHOT_ASSETS), ShotAssetsProgress.class,
        changelog(DAILY_COSTS), DailyCost.class,
        changelog(STORIES), Story.class);
  }

  private static String changelog(String store) {
    return APPLICATION_ID + "-" + store + "-changelog";
  }

  public static Topology build(SerdeFactory serdes) {
    Topology topology = new Topology();
    Wiring wiring = new Wiring(topology, serdes);

    topology.addProcessor(RUN_REQUESTED, RunRequestedProcessor::new, wiring.source(Topics.RUNS_REQUESTED));
    topology.addProcessor(RUN_EVENTS, RunEventProcessor::new, wiring.source(Topics.RUN_EVENTS));
    topology.addProcessor(COSTS, CostProcessor::new, wiring.source(Topics.COSTS));
    topology.addProcessor(DAILY_COST_WINDOW, DailyCostWindow::new, wiring.source(Topics.COSTS_BY_MODEL));
    topology.addProcessor(FAN_IN, FanInProcessor::new, wiring.source(Topics.ASSETS_GENERATED));
    topology.addProcessor(CRITIQUE_ROUTER, CritiqueRouter::new, wiring.source(Topics.CRITIQUES));
    topology.addProcessor(FEEDBACK_ROUTER, FeedbackRouter::new, wiring.source(Topics.FEEDBACK));
    topology.addProcessor(STORY_CATALOGUE, () -> new Catalogue<Story>(STORIES), wiring.source(Topics.STORIES));

    topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RUN_STATE),
        Serdes.String(), serdes.valueSerde(Run.class)), RUN_REQUESTED, RUN_EVENTS, COSTS);
    topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RUN_COSTS),
        Serdes.String(), serdes.valueSerde(RunCosts.class)), COSTS, CRITIQUE_ROUTER, FEEDBACK_ROUTER);
    topology.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(DAILY_COSTS, DailyCostWindow.RETENTION,
        DailyCostWindow.DAY, false), Serdes.String(), serdes.valueSerde(DailyCost.class)), DAILY_COST_WINDOW);
    topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SHOT_ASSETS),
        Serdes.String(), serdes.valueSerde(ShotAssetsProgress.class)), FAN_IN, CRITIQUE_ROUTER, FEEDBACK_ROUTER);
    topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORIES),
        Serdes.String(), serdes.valueSerde(Story.class)), STORY_CATALOGUE);

    topology.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(API_KEYS), Serdes.String(),
            serdes.valueSerde(ApiKey.class)).withLoggingDisabled(), API_KEYS_SOURCE, Serdes.String().deserializer(),
        serdes.valueSerde(ApiKey.class).deserializer(), Topics.API_KEYS.name(), API_KEY_LOADER, () -> new Catalogue<ApiKey>(API_KEYS));

    wiring.sink(Topics.RUNS, RUN_REQUESTED, RUN_EVENTS, COSTS);
    wiring.sink(Topics.COSTS_BY_MODEL, COSTS);
    wiring.sink(Topics.COST_ALERTS, DAILY_COST_WINDOW);
    wiring.sink(Topics.EDITS_REQUESTED, FAN_IN);
    wiring.sink(Topics.SHOT_TASKS, CRITIQUE_ROUTER, FEEDBACK_ROUTER);
    wiring.sink(Topics.RUN_EVENTS, FAN_IN, CRITIQUE_ROUTER, FEEDBACK_ROUTER);

    AnalyticsRows.addTo(topology, wiring);
    return topology;
  }
}
