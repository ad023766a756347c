package dev.krag.api;

import dev.krag.schemas.Role;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;

/** Every route's door: who asks (a 401 when nobody can be told), and whether their role may (a 403). */
final class Guard {

  static final HeaderName API_KEY = HeaderNames.create(Authenticator.API_KEY_HEADER);

  private final Authenticator authenticator;

  Guard(Authenticator authenticator) {
    this.authenticator = authenticator;
  }

  /** A handler that is told who asks. */
  @FunctionalInterface
  interface Secured {
    void handle(ServerRequest req, ServerResponse res, Principal who) throws Exception;
  }

  /** The handler, for principals with {@code role} or above. */
  Handler as(Role role, Secured handler) {
    return (req, res) -> {
      Principal who = authenticator.authenticate(req.headers().first(HeaderNames.AUTHORIZATION), req.headers().first(API_KEY),
          Optional.empty());
      who.require(role);
      handler.handle(req, res, who);
    };
  }
}
