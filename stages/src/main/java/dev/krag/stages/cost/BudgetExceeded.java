package dev.krag.stages.cost;

import java.util.ArrayList;
import java.util.List;

/**
 * A paid call was not made because it would have crossed the run's budget. The calls paid for
 * before it still count, so the exception carries them to the cost ledger.
 */
public final class BudgetExceeded extends RuntimeException {

  private final List<ProviderCall> spent;

  public BudgetExceeded(String message, List<ProviderCall> spent) {
    super(message);
    this.spent = List.copyOf(spent);
  }

  public List<ProviderCall> spent() {
    return spent;
  }

  /** The same refusal, with calls made before the one refused. */
  public BudgetExceeded after(List<ProviderCall> earlier) {
    List<ProviderCall> all = new ArrayList<>(earlier);
    all.addAll(spent);
    BudgetExceeded e = new BudgetExceeded(getMessage(), all);
    e.setStackTrace(getStackTrace());
    return e;
  }
}
