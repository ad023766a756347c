package dev.krag.stages.cost;

/**
 * One call to a provider, as the cost ledger records it.
 *
 * @param key what distinguishes this call from the stage's other calls in the same run (a shot id,
 *     an iteration), so that the ledger can recognise the same call when it is retried
 * @param cacheHit the result was already stored: nothing was spent
 */
public record ProviderCall(String key, String provider, String model, double units, String unit,
    double usd, double computeSeconds, boolean cacheHit) {

  /** The model of every local provider's calls. */
  private static final String LOCAL = "local";

  /**
   * A call to the provider and model a maker's name gives ({@code "provider:model"}, the model
   * free to hold more colons); a name without one is a local provider's.
   */
  public static ProviderCall of(String key, String maker, double units, String unit, double usd, double seconds, boolean cacheHit) {
    return isLocal(maker) ? local(key, maker, units, unit, seconds, cacheHit)
        : new ProviderCall(key, maker.substring(0, maker.indexOf(':')), modelOf(maker), units, unit, usd, cacheHit ? 0.0 : seconds,
            cacheHit);
  }

  /** Whether a maker's name is a local provider's: it names no {@code provider:model}. */
  public static boolean isLocal(String maker) {
    return maker.indexOf(':') < 0;
  }

  /** The model a maker's name gives: what follows its first colon, or {@code "local"} for a local provider. */
  public static String modelOf(String maker) {
    return isLocal(maker) ? LOCAL : maker.substring(maker.indexOf(':') + 1);
  }

  /** A call to a local provider: no money, only compute time. */
  public static ProviderCall local(String key, String provider, double units, String unit, double seconds, boolean cacheHit) {
    return new ProviderCall(key, provider, LOCAL, units, unit, 0.0, cacheHit ? 0.0 : seconds, cacheHit);
  }
}
