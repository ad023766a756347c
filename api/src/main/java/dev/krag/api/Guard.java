package dev.krag.api;

import dev.krag.schemas.Role;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;

/**
 * Every route's door: who asks (a 401 when nobody can be told), whether they ask too fast (a 429
 * with {@code Retry-After}), and whether their role may (a 403). Requests that name nobody are
 * limited by the address they come from, so that guessing keys or flooding without one is slowed
 * like any principal; behind a proxy they share its address, which costs them only their 401s.
 */
final class Guard {

  static final HeaderName API_KEY = HeaderNames.create(Authenticator.API_KEY_HEADER);
  /** The query parameter a credential may come in where a browser cannot send headers: sockets, video and image elements. */
  static final String QUERY_TOKEN = "access_token";

  private final Authenticator authenticator;
  private final RateLimiter limiter;

  Guard(Authenticator authenticator, RateLimiter limiter) {
    this.authenticator = authenticator;
    this.limiter = limiter;
  }

  /** A handler that is told who asks. */
  @FunctionalInterface
  interface Secured {
    void handle(ServerRequest req, ServerResponse res, Principal who) throws Exception;
  }

  /** The handler, for principals with {@code role} or above. */
  Handler as(Role role, Secured handler) {
    return (req, res) -> handler.handle(req, res, admit(req.headers(), Optional.empty(), Optional.of(address(req)), role));
  }

  /** As {@link #as}, also taking the credential from the query: what a page's video and image elements load. */
  Handler asMedia(Role role, Secured handler) {
    return (req, res) -> handler.handle(req, res,
        admit(req.headers(), req.query().first(QUERY_TOKEN).asOptional(), Optional.of(address(req)), role));
  }

  /**
   * The principal the headers (or a token from the query) name, if they may ask now with {@code role};
   * a request that names nobody counts against {@code address}, where it is known.
   */
  Principal admit(Headers headers, Optional<String> queryToken, Optional<String> address, Role role) {
    Principal who;
    try {
      who = authenticator.authenticate(headers.first(HeaderNames.AUTHORIZATION), headers.first(API_KEY), queryToken);
    } catch (ApiException refused) {
      address.ifPresent(from -> take("address " + from));
      throw refused;
    }
    take(who.name());
    who.require(role);
    return who;
  }

  private void take(String bucket) {
    limiter.take(bucket).ifPresent(wait -> {
      throw ApiException.tooMany("rate_limited", bucket + " asks faster than the rate limit allows", wait);
    });
  }

  private static String address(ServerRequest req) {
    return req.remotePeer().host();
  }
}
