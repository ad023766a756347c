package dev.krag.deploy;

import dev.krag.deploy.KragConfig.TracingSettings;
import dev.krag.topologies.RunTracing;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The runs' traces leaving the process: batched and sent over OTLP/HTTP to the configured
 * collector, or, with none configured, not made at all. Closing sends what is left.
 */
public final class Tracing implements AutoCloseable {

  /** The OpenTelemetry resource attribute a collector groups spans by. */
  private static final String SERVICE_NAME = "service.name";
  /** How long closing waits for the last batch to reach the collector. */
  private static final Duration FLUSH = Duration.ofSeconds(10);

  private final OpenTelemetrySdk sdk;
  private final RunTracing runs;

  private Tracing(OpenTelemetrySdk sdk) {
    this.sdk = sdk;
    this.runs = sdk == null ? RunTracing.OFF : new RunTracing(sdk);
  }

  public static Tracing start(TracingSettings settings) {
    if (!settings.enabled()) {
      return new Tracing(null);
    }
    SdkTracerProvider traces = SdkTracerProvider.builder()
        .setResource(Resource.getDefault().merge(Resource.builder().put(SERVICE_NAME, settings.serviceName()).build()))
        .addSpanProcessor(BatchSpanProcessor.builder(OtlpHttpSpanExporter.builder().setEndpoint(settings.endpoint() + "/v1/traces")
            .build()).build())
        .build();
    return new Tracing(OpenTelemetrySdk.builder().setTracerProvider(traces)
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build());
  }

  /** The stages' spans, made here. */
  public RunTracing runs() {
    return runs;
  }

  @Override
  public void close() {
    if (sdk != null) {
      sdk.getSdkTracerProvider().shutdown().join(FLUSH.toMillis(), TimeUnit.MILLISECONDS);
    }
  }
}
