package dev.krag.topologies.bookkeeping;

import dev.krag.schemas.Story;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps each posted story by id in the stories store; a tombstone removes it. */
final class StoryCatalogue implements Processor<String, Story, Void, Void> {

  private KeyValueStore<String, Story> stories;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    stories = context.getStateStore(BookkeepingTopology.STORIES);
  }

  @Override
  public void process(Record<String, Story> record) {
    if (record.value() == null) {
      stories.delete(record.key());
    } else {
      stories.put(record.key(), record.value());
    }
  }
}
