package dev.krag.api;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code /metrics} in Prometheus's text format: everything this process keeps in Micrometer's
 * global registry (the pipeline's metrics, the Kafka Streams clients', the JVM's), and the API's
 * own requests, {@code http_server_requests_seconds{method,route,status}}, timed by a filter.
 */
final class MetricsEndpoint implements Filter {

  static final String PATH = "/metrics";
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
  /** The path segments that name routes; any other segment is an id, shown as {id} so the labels stay few. */
  private static final Set<String> ROUTE_WORDS = Set.of("api", "v1", "stories", "run", "runs", "costs", "shots", "image", "output",
      "feedback", "keys", "internal", "stores", "events", "health", "live", "ready", "openapi", "studio", "metrics");
  /** The histogram's buckets: enough to see a P99 past the spec's 5 s alert. */
  private static final Duration[] BUCKETS = Stream.of(10, 50, 100, 250, 500, 1000, 2500, 5000, 10000).map(Duration::ofMillis)
      .toArray(Duration[]::new);
  /** One per process, like the global registry it reads. */
  private static final PrometheusMeterRegistry PROMETHEUS = prometheus();

  private static PrometheusMeterRegistry prometheus() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    Metrics.addRegistry(registry);
    return registry;
  }

  /** The metrics as Prometheus scrapes them. */
  static String scrape() {
    return PROMETHEUS.scrape();
  }

  @Override
  public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    long started = System.nanoTime();
    String route = route(req.path().path()); // now: routing rewrites the path to the matched service's own
    try {
      chain.proceed();
    } finally {
      Timer.builder("http.server.requests").description("API requests").tag("method", req.prologue().method().text())
          .tag("route", route).tag("status", Integer.toString(res.status().code())).serviceLevelObjectives(BUCKETS)
          .register(Metrics.globalRegistry).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }
  }

  static String route(String path) {
    return Arrays.stream(path.split("/", -1)).map(segment -> segment.isEmpty() || ROUTE_WORDS.contains(segment) ? segment : "{id}")
        .collect(Collectors.joining("/"));
  }
}
