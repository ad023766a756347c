package dev.krag.api;

import dev.krag.schemas.ApiKey;
import java.util.Optional;

/**
 * Who a request speaks for: a bearer token (a JWT, or an API key) or an {@code X-API-Key} header.
 * No credential, or one that does not check out, is a 401 that says why.
 */
final class Authenticator {

  static final String API_KEY_HEADER = "X-API-Key";
  private static final String BEARER = "Bearer ";

  private final RunQueries queries;
  private final JwtVerifier tokens;

  Authenticator(RunQueries queries, JwtVerifier tokens) {
    this.queries = queries;
    this.tokens = tokens;
  }

  /** From the {@code Authorization} header, else the API key header, else a token from the query (a browser's socket has no headers). */
  Principal authenticate(Optional<String> authorization, Optional<String> apiKey, Optional<String> queryToken) {
    if (authorization.isPresent()) {
      if (!authorization.get().regionMatches(true, 0, BEARER, 0, BEARER.length())) {
        throw JwtVerifier.refused("the Authorization header is not a Bearer token");
      }
      return credential(authorization.get().substring(BEARER.length()).strip());
    }
    return apiKey.or(() -> queryToken).map(this::credential)
        .orElseThrow(() -> JwtVerifier.refused("no credential: send a Bearer token or an " + API_KEY_HEADER + " header"));
  }

  private Principal credential(String text) {
    return ApiKeyToken.looksLikeOne(text) ? apiKey(text) : tokens.verify(text);
  }

  private Principal apiKey(String text) {
    ApiKeyToken token = ApiKeyToken.parse(text).orElseThrow(() -> JwtVerifier.refused("not a krag API key"));
    ApiKey key = switch (queries.apiKey(token.keyId())) {
      case Lookup.Found<ApiKey> found -> found.value();
      case Lookup.Missing<ApiKey> missing -> throw JwtVerifier.refused("no such API key");
      case Lookup.Unavailable<ApiKey> u -> throw ApiException.unavailable(u.retryAfterSeconds(), u.reason());
    };
    if (!token.matches(key)) {
      throw JwtVerifier.refused("the API key's secret does not match");
    }
    if (key.getRevokedAt() != null) {
      throw JwtVerifier.refused("the API key was revoked");
    }
    return new Principal(key.getPrincipal(), key.getRole());
  }
}
