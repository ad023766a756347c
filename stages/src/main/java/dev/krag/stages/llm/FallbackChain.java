package dev.krag.stages.llm;

import dev.krag.stages.cost.BudgetExceeded;
import dev.krag.stages.cost.Metered;
import dev.krag.stages.cost.ProviderCall;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries each way of doing a task in order and keeps the first result, with the calls every
 * attempt paid for. Only {@link AttemptFailed} moves on: a {@link BudgetExceeded} ends the task
 * with what the earlier attempts spent, and anything else is a bug and propagates.
 */
public final class FallbackChain {

  private static final Logger LOG = LoggerFactory.getLogger(FallbackChain.class);

  /** One way of doing the task. */
  public record Link<T>(String name, Supplier<Metered<T>> attempt) {

    /** A local provider as the last link: free, with its compute time recorded. */
    public static <T> Link<T> local(String callKey, String provider, double units, String unit, Supplier<T> work) {
      return new Link<>(provider, () -> {
        long started = System.nanoTime();
        T value = work.get();
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Metered<>(value, List.of(ProviderCall.local(callKey, provider, units, unit, seconds, false)));
      });
    }
  }

  private FallbackChain() {}

  public static <T> Metered<T> first(String task, List<Link<T>> links) {
    List<ProviderCall> spent = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    for (Link<T> link : links) {
      try {
        Metered<T> result = link.attempt().get();
        spent.addAll(result.calls());
        return new Metered<>(result.value(), spent);
      } catch (BudgetExceeded e) {
        throw e.after(spent);
      } catch (AttemptFailed e) {
        LOG.warn("{} with {} failed, trying the next: {}", task, link.name(), e.getMessage());
        spent.addAll(e.spent());
        reasons.add(e.getMessage());
      }
    }
    throw new AttemptFailed(task + ": every provider failed: " + String.join("; ", reasons), spent, null);
  }
}
