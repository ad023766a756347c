package dev.krag.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class AvroSamplesTest {

  private final PlainAvroSerdeFactory serdes = new PlainAvroSerdeFactory();

  @Test
  void everyTopicsRecordHasASampleThatSurvivesARoundTrip() {
    for (Topic<?, ?> topic : Topics.all()) {
      if (SpecificRecord.class.isAssignableFrom(topic.valueType())) {
        roundTrip(topic.valueType().asSubclass(SpecificRecord.class), topic.name());
      }
    }
  }

  private <T extends SpecificRecord> void roundTrip(Class<T> type, String topic) {
    T sample = AvroSamples.of(type);
    var serde = serdes.valueSerde(type);
    assertThat(serde.deserializer().deserialize(topic, serde.serializer().serialize(topic, sample))).isEqualTo(sample);
  }
}
