package dev.krag.api;

import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;

/** The krag API: Helidon SE on virtual threads, JSON errors from one place. */
public final class ApiServer {

  private ApiServer() {}

  public static WebServer start(String host, int port, RunQueries queries) {
    return WebServer.builder()
        .host(host)
        .port(port)
        .routing(routing -> routing(routing, queries))
        .build()
        .start();
  }

  static void routing(HttpRouting.Builder routing, RunQueries queries) {
    routing.register("/api/v1/runs", new RunsService(queries))
        .get("/health", (req, res) -> {
          if (queries.ready()) {
            res.header(HeaderValues.CONTENT_TYPE_JSON).send("{\"status\":\"UP\"}");
          } else {
            ApiError.unavailable(res, 2, "the state stores are not running");
          }
        })
        .error(Exception.class, (req, res, e) ->
            ApiError.send(res, Status.INTERNAL_SERVER_ERROR_500, "internal", "the server failed on this request"));
  }
}
