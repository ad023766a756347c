package dev.krag.api;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerResponse;
import java.util.function.Supplier;

/**
 * The management port: health for probes and metrics for scrapers, without credentials. It tells
 * nothing of any run, so it asks no one who they are; in a cluster only the kubelet and the
 * monitoring namespace reach it. A worker, which serves no API, answers here alone.
 */
public final class ManagementServer {

  private ManagementServer() {}

  /**
   * @param notReady why this instance cannot take work yet, or null when it can
   */
  public static WebServer start(String host, int port, Supplier<String> notReady) {
    return WebServer.builder()
        .host(host)
        .port(port)
        .routing(routing -> routing
            .get("/health/live", (req, res) -> up(res))
            .get("/health/ready", (req, res) -> ready(res, notReady.get()))
            .get("/health", (req, res) -> ready(res, notReady.get()))
            .get(MetricsEndpoint.PATH, (req, res) -> res.header(HeaderNames.CONTENT_TYPE, MetricsEndpoint.CONTENT_TYPE)
                .send(MetricsEndpoint.scrape()))
            .error(HttpException.class, (req, res, e) -> ApiError.send(res, e)))
        .build()
        .start();
  }

  private static void ready(ServerResponse res, String notReady) {
    if (notReady == null) {
      up(res);
    } else {
      ApiError.send(res, Status.SERVICE_UNAVAILABLE_503, "unavailable", notReady);
    }
  }

  static void up(ServerResponse res) {
    res.header(HeaderValues.CONTENT_TYPE_JSON).send("{\"status\":\"UP\"}");
  }
}
