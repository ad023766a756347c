package dev.krag.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

class TypedDeserializerTest {

  /** What the registry's reader does: it reads any record by the schema it was written with. */
  private static final Story STORY = AvroSamples.of(Story.class);
  private static final Deserializer<Object> ANY_TYPE = (topic, data) -> STORY;

  @SuppressWarnings("unchecked")
  private static <V> TypedDeserializer<V> reading(Class<V> type) {
    return new TypedDeserializer<>((Deserializer<V>) (Deserializer<?>) ANY_TYPE, type);
  }

  @Test
  void aRecordOfTheTopicsTypePassesAndOneOfAnotherIsRefusedAsBadInput() {
    assertThat(reading(Story.class).deserialize("krag.stories.v1", new byte[0])).isEqualTo(STORY);
    assertThatThrownBy(() -> reading(ShotTask.class).deserialize("krag.shot-tasks.v1", new RecordHeaders(), new byte[0]))
        .isInstanceOf(SerializationException.class).hasMessage("a Story on krag.shot-tasks.v1, where a ShotTask belongs");
  }
}
