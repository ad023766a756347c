package dev.krag.topologies.errors;

import dev.krag.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * The one dead-letter record format: the input's raw bytes, with why and where it failed in headers
 * that every krag handler writes the same way.
 */
public final class DeadLetters {

  public static final String REASON = "krag.error.reason";
  public static final String EXCEPTION = "krag.error.exception";
  public static final String SOURCE_TOPIC = "krag.source.topic";
  public static final String SOURCE_PARTITION = "krag.source.partition";
  public static final String SOURCE_OFFSET = "krag.source.offset";
  public static final String PROCESSOR = "krag.processor";
  public static final String RUN_ID = "krag.run.id";

  private DeadLetters() {}

  static String topic(Map<String, ?> config) {
    Object configured = config.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
    return configured == null ? Topics.DLQ.name() : configured.toString();
  }

  static ProducerRecord<byte[], byte[]> record(String topic, ErrorHandlerContext context, byte[] key, byte[] value, Exception e) {
    ProducerRecord<byte[], byte[]> dead = new ProducerRecord<>(topic, null, context.timestamp(), key, value);
    Headers h = dead.headers();
    put(h, REASON, reason(e));
    put(h, EXCEPTION, rootCause(e).getClass().getName());
    put(h, SOURCE_TOPIC, context.topic());
    put(h, SOURCE_PARTITION, Integer.toString(context.partition()));
    put(h, SOURCE_OFFSET, Long.toString(context.offset()));
    put(h, PROCESSOR, context.processorNodeId());
    if (key != null) {
      put(h, RUN_ID, runIdOf(new String(key, StandardCharsets.UTF_8)));
    }
    return dead;
  }

  /** Run-scoped keys are the run id, shot tasks are {@code runId/shotId}. */
  private static String runIdOf(String key) {
    int slash = key.indexOf('/');
    return slash < 0 ? key : key.substring(0, slash);
  }

  private static String reason(Exception e) {
    Throwable root = rootCause(e);
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return e == root ? message : e.getMessage() + " (caused by: " + message + ")";
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  private static void put(Headers headers, String name, String value) {
    headers.add(name, value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8));
  }
}
