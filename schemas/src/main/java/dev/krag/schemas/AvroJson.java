package dev.krag.schemas;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/** krag's records as Avro's JSON encoding, for artifacts that sit beside the media as files. */
public final class AvroJson {

  private AvroJson() {}

  public static byte[] write(SpecificRecord record) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Encoder encoder = EncoderFactory.get().jsonEncoder(record.getSchema(), out, true);
      new SpecificDatumWriter<SpecificRecord>(record.getSchema()).write(record, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static <T extends SpecificRecord> T read(byte[] json, Class<T> type) throws IOException {
    Schema schema = SpecificData.get().getSchema(type);
    return new SpecificDatumReader<T>(schema).read(null, DecoderFactory.get().jsonDecoder(schema, new String(json,
        java.nio.charset.StandardCharsets.UTF_8)));
  }
}
