package dev.krag.topologies.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krag.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

class DeadLetterHandlersTest {

  private final byte[] key = "run-7/scene-001-shot-02".getBytes(StandardCharsets.UTF_8);
  private final byte[] value = {0, 1, 2, 3};

  @Test
  void anUnreadableRecordIsResumedAndDeadLetteredWithWhyAndWhere() {
    DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler();
    handler.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DLQ.name()));

    DeserializationExceptionHandler.Response response = handler.handleError(context(),
        new ConsumerRecord<>(Topics.SHOT_TASKS.name(), 4, 17L, key, value),
        new IllegalStateException("bad magic byte", new IllegalArgumentException("unknown schema id 99")));

    assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
    ProducerRecord<byte[], byte[]> dead = response.deadLetterQueueRecords().getFirst();
    assertThat(dead.topic()).isEqualTo(Topics.DLQ.name());
    assertThat(dead.value()).isEqualTo(value);
    Headers h = dead.headers();
    assertThat(header(h, DeadLetters.REASON)).isEqualTo("bad magic byte (caused by: unknown schema id 99)");
    assertThat(header(h, DeadLetters.EXCEPTION)).isEqualTo(IllegalArgumentException.class.getName());
    assertThat(header(h, DeadLetters.SOURCE_TOPIC)).isEqualTo(Topics.SHOT_TASKS.name());
    assertThat(header(h, DeadLetters.SOURCE_PARTITION)).isEqualTo("4");
    assertThat(header(h, DeadLetters.SOURCE_OFFSET)).isEqualTo("17");
    assertThat(header(h, DeadLetters.RUN_ID)).isEqualTo("run-7");
  }

  private static String header(Headers headers, String name) {
    return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private ErrorHandlerContext context() {
    return new ErrorHandlerContext() {
      @Override public String topic() { return Topics.SHOT_TASKS.name(); }
      @Override public int partition() { return 4; }
      @Override public long offset() { return 17; }
      @Override public Headers headers() { return new RecordHeaders(); }
      @Override public String processorNodeId() { return "from-" + Topics.SHOT_TASKS.name(); }
      @Override public TaskId taskId() { return new TaskId(3, 4); }
      @Override public long timestamp() { return 1000; }
      @Override public byte[] sourceRawKey() { return key; }
      @Override public byte[] sourceRawValue() { return value; }
    };
  }
}
