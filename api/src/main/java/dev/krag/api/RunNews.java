package dev.krag.api;

import dev.krag.schemas.CostEvent;
import dev.krag.schemas.RunEvent;
import java.util.function.Consumer;

/** What happens to runs as it happens: their events and the costs of their calls. */
public interface RunNews {

  /** One piece of news about a run. */
  sealed interface News {
    record Happened(RunEvent event) implements News {}

    record Cost(CostEvent cost) implements News {}
  }

  /** Calls {@code listener} with each piece of news about the run from now on, until the subscription is closed. */
  Subscription subscribe(String runId, Consumer<News> listener);

  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }
}
