package dev.krag.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class RegistryAvroConverterTest {

  /** Nothing listens there: a framed record would fail on the lookup, a bad one fails before it. */
  private static final Map<String, String> UNREACHABLE = Map.of("apicurio.registry.url", "http://127.0.0.1:9/apis/registry/v3",
      "apicurio.registry.http.adapter", "JDK");

  @Test
  void aTombstoneIsANullValueSoTheRowIsDeleted() {
    try (RegistryAvroConverter converter = converter()) {
      assertThat(converter.toConnectData("krag.runs.v1", null)).isEqualTo(SchemaAndValue.NULL);
    }
  }

  @Test
  void bytesThatAreNotRegistryFramedAvroAreADataExceptionForTheDeadLetterTopic() {
    try (RegistryAvroConverter converter = converter()) {
      assertThatThrownBy(() -> converter.toConnectData("krag.runs.v1", "{\"runId\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
          .isInstanceOf(DataException.class).hasMessageContaining("krag.runs.v1");
    }
  }

  private static RegistryAvroConverter converter() {
    RegistryAvroConverter converter = new RegistryAvroConverter();
    converter.configure(UNREACHABLE, false);
    return converter;
  }
}
