package dev.krag.api;

import dev.krag.schemas.ApiKey;
import dev.krag.schemas.Feedback;
import dev.krag.schemas.RunRequested;
import dev.krag.schemas.SerdeFactory;
import dev.krag.schemas.Story;
import dev.krag.schemas.Topic;
import dev.krag.schemas.Topics;
import java.util.concurrent.ExecutionException;

/** The API's commands as records on their topics: a 2xx from the API means the record is in Kafka. */
public final class KafkaCommands implements Commands, AutoCloseable {

  private final Publisher publisher;

  public KafkaCommands(String bootstrapServers, SerdeFactory serdes) {
    this.publisher = new Publisher(bootstrapServers, serdes);
  }

  @Override
  public void post(Story story) {
    send(Topics.STORIES, story.getStoryId(), story);
  }

  @Override
  public void request(RunRequested run) {
    send(Topics.RUNS_REQUESTED, run.getRunId(), run);
  }

  @Override
  public void send(Feedback feedback) {
    send(Topics.FEEDBACK, feedback.getRunId(), feedback);
  }

  @Override
  public void issue(ApiKey key) {
    send(Topics.API_KEYS, key.getKeyId(), key);
  }

  private <V> void send(Topic<String, V> topic, String key, V value) {
    try {
      publisher.send(topic, key, value);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending to " + topic.name(), e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Kafka did not take the record for " + topic.name() + ": " + e.getCause(), e);
    }
  }

  @Override
  public void close() {
    publisher.close();
  }
}
