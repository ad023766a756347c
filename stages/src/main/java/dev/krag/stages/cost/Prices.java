package dev.krag.stages.cost;

import java.util.Map;
import java.util.Optional;

/**
 * What remote models charge, in US dollars per 1,000 tokens in and out, from the providers'
 * public price lists as of {@link #VERSION}. A model that is not listed (a self-hosted
 * OpenAI-compatible server, say) costs nothing here; its tokens are still recorded.
 */
public final class Prices {

  public static final String VERSION = "2026-11";

  /** Per 1,000 tokens. */
  public record TokenPrice(double input, double output) {}

  private static final Map<String, TokenPrice> TOKENS = Map.of(
      "gpt-4.1", new TokenPrice(0.002, 0.008),
      "gpt-4.1-mini", new TokenPrice(0.0004, 0.0016),
      "gpt-4o", new TokenPrice(0.0025, 0.01),
      "gpt-4o-mini", new TokenPrice(0.00015, 0.0006),
      "text-embedding-3-large", new TokenPrice(0.00013, 0.0),
      "text-embedding-3-small", new TokenPrice(0.00002, 0.0),
      "claude-sonnet-4-5", new TokenPrice(0.003, 0.015),
      "claude-opus-4-1", new TokenPrice(0.015, 0.075),
      "claude-haiku-4-5", new TokenPrice(0.001, 0.005));

  private Prices() {}

  public static Optional<TokenPrice> of(String model) {
    return Optional.ofNullable(TOKENS.get(model));
  }

  public static double usd(String model, long inputTokens, long outputTokens) {
    return of(model).map(p -> (inputTokens * p.input() + outputTokens * p.output()) / 1000.0).orElse(0.0);
  }
}
