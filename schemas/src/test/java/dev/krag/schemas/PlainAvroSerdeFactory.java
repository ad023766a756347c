package dev.krag.schemas;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Test profile: Avro binary with the schema fixed by the generated class, for TopologyTestDriver
 * tests that run without a registry. Integration tests use {@link RegistrySerdeFactory}.
 */
public final class PlainAvroSerdeFactory extends SerdeFactory {

  @Override
  protected <V extends SpecificRecord> Serde<V> avroSerde(Class<V> type) {
    SpecificDatumWriter<V> writer = new SpecificDatumWriter<>(type);
    SpecificDatumReader<V> reader = new SpecificDatumReader<>(type);
    return Serdes.serdeFrom(
        (topic, value) -> {
          if (value == null) {
            return null;
          }
          ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
          try {
            writer.write(value, encoder);
            encoder.flush();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return bytes.toByteArray();
        },
        (topic, data) -> {
          if (data == null) {
            return null;
          }
          try {
            return reader.read(null, DecoderFactory.get().binaryDecoder(data, null));
          } catch (IOException e) {
            throw new org.apache.kafka.common.errors.SerializationException("not a " + type.getSimpleName(), e);
          }
        });
  }
}
