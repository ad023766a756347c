package dev.krag.sinks;

import dev.krag.schemas.Bucket;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.config.SerdeConfig;
import java.io.IOException;
import java.net.URI;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Stores each record's artifact before {@link #put} returns, so the offsets the worker commits
 * after it are of records whose objects exist. When S3 fails, the whole batch is handed back after
 * a pause and written again: the keys are the records' own, so what was already stored is only
 * overwritten. A record that is not a readable artifact goes to the dead-letter topic and the
 * sink goes on.
 */
public final class S3ArtifactSinkTask extends SinkTask {

  private final AvroKafkaDeserializer<Object> deserializer = new AvroKafkaDeserializer<>();
  private S3Client s3;
  private String bucket;
  private long retryBackoffMs;
  private ErrantRecordReporter deadLetters;

  @Override
  public void start(Map<String, String> props) {
    AbstractConfig config = new AbstractConfig(S3ArtifactSinkConnector.CONFIG, props);
    Bucket target = new Bucket(URI.create(config.getString(S3ArtifactSinkConnector.ENDPOINT)),
        config.getString(S3ArtifactSinkConnector.REGION), config.getString(S3ArtifactSinkConnector.BUCKET),
        config.getString(S3ArtifactSinkConnector.ACCESS_KEY), config.getPassword(S3ArtifactSinkConnector.SECRET_KEY).value());
    bucket = target.name();
    retryBackoffMs = config.getLong(S3ArtifactSinkConnector.RETRY_BACKOFF_MS);
    s3 = target.client();
    deserializer.configure(Map.of(
        SerdeConfig.REGISTRY_URL, config.getString(S3ArtifactSinkConnector.REGISTRY_URL),
        AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true,
        SerdeConfig.HTTP_ADAPTER, "JDK"), false);
    // Null unless the connector has a dead-letter topic or error logging.
    deadLetters = context.errantRecordReporter();
  }

  @Override
  public void put(Collection<SinkRecord> records) {
    for (SinkRecord record : records) {
      if (record.value() == null) {
        continue; // a tombstone: artifacts are kept whatever the topic's retention
      }
      Artifacts.Artifact artifact;
      try {
        artifact = Artifacts.of(read(record), this::stored);
      } catch (DataException | IllegalArgumentException e) {
        if (deadLetters == null) {
          throw new ConnectException("unreadable record at " + where(record) + " and no dead-letter topic", e);
        }
        deadLetters.report(record, e);
        continue;
      } catch (IOException | SdkException e) {
        throw retryLater(record, e);
      }
      try {
        s3.putObject(b -> b.bucket(bucket).key(artifact.key()).contentType("application/json"), RequestBody.fromBytes(artifact.json()));
      } catch (SdkException e) {
        throw retryLater(record, e);
      }
    }
  }

  private Object read(SinkRecord record) {
    if (!(record.value() instanceof byte[] bytes)) {
      throw new DataException("expected the byte-array converter's bytes at " + where(record) + ", got "
          + record.value().getClass().getName());
    }
    try {
      return deserializer.deserialize(record.topic(), bytes);
    } catch (RuntimeException e) {
      throw new DataException("not registry-framed Avro at " + where(record) + ": " + e.getMessage(), e);
    }
  }

  private Optional<byte[]> stored(String key) {
    try {
      return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    }
  }

  private RetriableException retryLater(SinkRecord record, Exception cause) {
    context.timeout(retryBackoffMs);
    return new RetriableException("S3 failed at " + where(record) + "; the batch is written again in " + retryBackoffMs + " ms", cause);
  }

  private static String where(SinkRecord record) {
    return record.topic() + "-" + record.kafkaPartition() + "@" + record.kafkaOffset();
  }

  @Override
  public void stop() {
    if (s3 != null) {
      s3.close();
      deserializer.close();
    }
  }

  @Override
  public String version() {
    return S3ArtifactSinkConnector.VERSION;
  }
}
