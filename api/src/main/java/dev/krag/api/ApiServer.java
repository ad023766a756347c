package dev.krag.api;

import dev.krag.schemas.Role;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.websocket.WsRouting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The krag API: Helidon SE on virtual threads, JSON errors from one place. */
public final class ApiServer {

  private static final Logger log = LoggerFactory.getLogger(ApiServer.class);
  static final String OPENAPI = "/openapi.yaml";

  private ApiServer() {}

  public static WebServer start(String host, int port, Backend backend) {
    Guard guard = new Guard(new Authenticator(backend.queries(), new JwtVerifier(backend.security().jwt())), backend.security().limiter());
    return WebServer.builder()
        .host(host)
        .port(port)
        .routing(routing -> routing(routing, backend, guard))
        .addRouting(WsRouting.builder().endpoint(RunEventsSocket.PATH, () -> new RunEventsSocket(backend, guard)))
        .build()
        .start();
  }

  private static void ready(ServerResponse res, Backend backend) {
    if (backend.queries().ready()) {
      ManagementServer.up(res);
    } else {
      throw ApiException.unavailable(2, "the state stores are not running");
    }
  }

  private static void routing(HttpRouting.Builder routing, Backend backend, Guard guard) {
    routing.addFilter(new MetricsEndpoint())
        .register("/api/v1/stories", new StoriesService(backend, guard))
        .register("/api/v1/runs", new RunsService(backend, guard))
        .register("/api/v1/feedback", new FeedbackService(backend, guard))
        .register("/api/v1/keys", new KeysService(backend, guard))
        .register(StoresService.PATH, new StoresService(backend.queries(), guard))
        .register(StudioService.PATH, new StudioService())
        .get("/", (req, res) -> StudioService.redirect(res))
        .get(MetricsEndpoint.PATH, guard.as(Role.ADMIN,
            (req, res, who) -> res.header(HeaderNames.CONTENT_TYPE, MetricsEndpoint.CONTENT_TYPE).send(MetricsEndpoint.scrape())))
        .get("/openapi", (req, res) -> {
          try (var in = ApiServer.class.getResourceAsStream(OPENAPI)) {
            res.header(HeaderNames.CONTENT_TYPE, "application/yaml").send(in.readAllBytes());
          }
        })
        // Liveness: the process answers. Readiness: the state stores answer too, so a load balancer sends it queries.
        .get("/health/live", (req, res) -> ManagementServer.up(res))
        .get("/health/ready", (req, res) -> ready(res, backend))
        .get("/health", (req, res) -> ready(res, backend))
        .error(ApiException.class, (req, res, e) -> {
          if (e.status() == Status.UNAUTHORIZED_401) {
            res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"krag\"");
          }
          e.retryAfter().ifPresent(wait -> res.header(HeaderNames.RETRY_AFTER, Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000))));
          ApiError.send(res, e.status(), e.code(), e.getMessage());
        })
        .error(ByteRange.Unsatisfiable.class, (req, res, e) -> {
          res.header(HeaderNames.CONTENT_RANGE, "bytes */" + e.size());
          ApiError.send(res, Status.REQUESTED_RANGE_NOT_SATISFIABLE_416, "bad_range", e.getMessage());
        })
        .error(HttpException.class, (req, res, e) -> ApiError.send(res, e))
        .error(Exception.class, (req, res, e) -> {
          log.error("{} {} failed", req.prologue().method(), req.path().path(), e);
          ApiError.send(res, Status.INTERNAL_SERVER_ERROR_500, "internal", "the server failed on this request");
        });
  }
}
