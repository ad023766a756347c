package dev.krag.api;

/**
 * The API's guard rails: the bearer tokens it trusts (API keys are in the stores), how fast a
 * principal may ask, and how much a principal may have running.
 */
public record Security(JwtVerifier.JwtSettings jwt, RateLimiter limiter, Quotas quotas) {}
