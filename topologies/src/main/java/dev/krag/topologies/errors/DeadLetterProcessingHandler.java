package dev.krag.topologies.errors;

import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A record a processor could not handle goes to the dead-letter topic as it was read, and the stream goes on. */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

  private String topic;

  @Override
  public void configure(Map<String, ?> config) {
    topic = DeadLetters.topic(config);
  }

  @Override
  public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    log.warn("processor {} failed on {}-{}@{}, record sent to {}: {}", context.processorNodeId(), context.topic(),
        context.partition(), context.offset(), topic, exception.getMessage());
    return Response.resume(List.of(DeadLetters.record(topic, context, context.sourceRawKey(), context.sourceRawValue(), exception)));
  }
}
