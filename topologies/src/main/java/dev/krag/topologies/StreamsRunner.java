package dev.krag.topologies;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns one Streams application's lifecycle: start, wait until it runs, close within a bound. Its
 * clients' metrics (consumer lag among them: the queue depth of each stage) are in Micrometer's
 * global registry while it lives.
 */
public final class StreamsRunner implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(StreamsRunner.class);

  private final String name;
  private final KafkaStreams streams;
  private final CountDownLatch running = new CountDownLatch(1);
  private final KafkaStreamsMetrics metrics;

  public StreamsRunner(String name, Topology topology, Properties properties) {
    this.name = name;
    this.streams = new KafkaStreams(topology, properties);
    streams.setStateListener((next, previous) -> {
      log.debug("{}: {} -> {}", name, previous, next);
      if (next == State.RUNNING) {
        running.countDown();
      }
    });
    streams.setUncaughtExceptionHandler(e -> {
      // A thread that died on an unexpected error is replaced; the record it failed on is
      // retried, since its offset was not committed.
      log.error("{}: stream thread failed, replacing it", name, e);
      return StreamThreadExceptionResponse.REPLACE_THREAD;
    });
    this.metrics = new KafkaStreamsMetrics(streams);
    metrics.bindTo(Metrics.globalRegistry);
  }

  /** Starts the threads; they join the group in the background. */
  public StreamsRunner start() {
    streams.start();
    return this;
  }

  public void awaitRunning(Duration timeout) throws InterruptedException {
    if (!running.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException(name + " did not reach RUNNING within " + timeout + " (state " + streams.state() + ")");
    }
  }

  public KafkaStreams streams() {
    return streams;
  }

  public String name() {
    return name;
  }

  @Override
  public void close() {
    metrics.close();
    streams.close(Duration.ofSeconds(30));
  }
}
