package dev.krag.topologies.bookkeeping;

import dev.krag.schemas.Run;
import dev.krag.schemas.Topics;
import dev.krag.topologies.Outputs;
import org.apache.kafka.streams.state.KeyValueStore;

/** The run-state store, and the rule that every change to a run is also published on the runs topic. */
final class RunStateStore {

  private final KeyValueStore<String, Run> store;

  RunStateStore(KeyValueStore<String, Run> store) {
    this.store = store;
  }

  Run get(String runId) {
    return store.get(runId);
  }

  void update(Run previous, Run next, Outputs out) {
    if (next.equals(previous)) {
      return;
    }
    store.put(next.getRunId(), next);
    out.send(Topics.RUNS, next.getRunId(), next);
  }
}
