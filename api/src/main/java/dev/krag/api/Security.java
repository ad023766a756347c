package dev.krag.api;

/**
 * The API's guard rails: the bearer tokens it trusts (API keys are in the stores), how fast a
 * principal may ask, and how much a principal may have running.
 */
public record Security(JwtVerifier.JwtSettings jwt, RateLimiter limiter, Quotas quotas) {

  /** API keys only, a generous limit per instance, and the default quotas: for tests and one person's machine. */
  public static Security defaults() {
    return new Security(JwtVerifier.JwtSettings.none(), new LocalRateLimiter(new RateLimit(600, 60)), new Quotas(4, 25.0));
  }
}
