package dev.krag.topologies.errors;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A record no serde can read goes to the dead-letter topic as it was, and the stream goes on. */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

  private String topic;

  @Override
  public void configure(Map<String, ?> config) {
    topic = DeadLetters.topic(config);
  }

  @Override
  public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    log.warn("unreadable record {}-{}@{} sent to {}: {}", context.topic(), context.partition(), context.offset(), topic,
        exception.getMessage());
    return Response.resume(List.of(DeadLetters.record(topic, context, record.key(), record.value(), exception)));
  }
}
