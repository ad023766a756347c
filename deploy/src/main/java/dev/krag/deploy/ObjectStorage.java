package dev.krag.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.krag.deploy.KragConfig.StorageSettings;
import dev.krag.deploy.embedded.EmbeddedS3;
import dev.krag.schemas.Bucket;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.BucketLifecycleConfiguration;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Transition;

/**
 * The bucket of media and artifacts, ready to write to: on the configured S3 endpoint, or on an S3
 * server started in this JVM over the output folder. The bucket is made if missing, and the
 * platform's lifecycle rules ({@code s3/lifecycle.json}: draft assets deleted after 7 days,
 * artifacts archived after 30, finals kept) are put on it where the server supports them. The
 * embedded server does not, so krag expires its objects itself, at start and once a day while it
 * runs; it has no colder class to archive to, so artifacts stay where they are.
 */
public final class ObjectStorage implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ObjectStorage.class);
  static final String LIFECYCLE = "/s3/lifecycle.json";
  private static final int NOT_IMPLEMENTED = 501;

  /** How often the embedded bucket's expired objects are looked for while krag runs. */
  static final Duration SWEEP_EVERY = Duration.ofDays(1);

  private final Bucket bucket;
  private final EmbeddedS3 embedded;
  private final ScheduledExecutorService sweeper;

  private ObjectStorage(Bucket bucket, EmbeddedS3 embedded) {
    this.bucket = bucket;
    this.embedded = embedded;
    this.sweeper = embedded == null ? null
        : Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("krag-s3-lifecycle").factory());
  }

  public static ObjectStorage start(StorageSettings settings, Path outDir) throws Exception {
    EmbeddedS3 embedded = settings.endpoint().isEmpty()
        ? EmbeddedS3.start(outDir.resolve("s3"), settings.accessKey(), settings.secretKey())
        : null;
    ObjectStorage storage = new ObjectStorage(settings.bucket(embedded != null ? embedded.endpoint() : URI.create(settings.endpoint())),
        embedded);
    try (S3Client s3 = storage.bucket.client()) {
      ensureBucket(s3, storage.bucket.name());
      if (embedded == null) {
        applyLifecycle(s3, storage.bucket);
      } else {
        storage.sweeper.scheduleAtFixedRate(storage::sweep, 0, SWEEP_EVERY.toMinutes(), TimeUnit.MINUTES);
      }
    } catch (Exception | Error e) {
      storage.close();
      throw e;
    }
    return storage;
  }

  public Bucket bucket() {
    return bucket;
  }

  private static void ensureBucket(S3Client s3, String name) {
    try {
      s3.createBucket(b -> b.bucket(name));
    } catch (BucketAlreadyOwnedByYouException | BucketAlreadyExistsException e) {
      // made by an earlier run: the objects in it stay
    }
  }

  private static void applyLifecycle(S3Client s3, Bucket bucket) throws IOException {
    BucketLifecycleConfiguration rules = lifecycle();
    try {
      s3.putBucketLifecycleConfiguration(b -> b.bucket(bucket.name()).lifecycleConfiguration(rules));
      log.info("lifecycle rules on {}: {}", bucket.name(), rules.rules().stream().map(LifecycleRule::id).toList());
    } catch (S3Exception e) {
      if (e.statusCode() != NOT_IMPLEMENTED) {
        throw e;
      }
      log.warn("the S3 server at {} does not support lifecycle rules; none applied (the rules are in {})", bucket.endpoint(), LIFECYCLE);
    }
  }

  private void sweep() {
    try (S3Client s3 = bucket.client()) {
      int expired = Expiry.apply(s3, bucket.name(), lifecycle(), Instant.now());
      log.info("lifecycle on the embedded bucket: {} expired objects deleted (artifacts are not archived: no colder class here)",
          expired);
    } catch (IOException | RuntimeException e) {
      log.warn("the embedded bucket's lifecycle could not be applied; it is tried again in {}", SWEEP_EVERY, e);
    }
  }

  /** The rules of {@value #LIFECYCLE}, which is in the AWS CLI's format so operators can apply it as it is. */
  static BucketLifecycleConfiguration lifecycle() throws IOException {
    JsonNode json;
    try (InputStream in = ObjectStorage.class.getResourceAsStream(LIFECYCLE)) {
      json = new ObjectMapper().readTree(in);
    }
    List<LifecycleRule> rules = new ArrayList<>();
    for (JsonNode rule : json.path("Rules")) {
      LifecycleRule.Builder built = LifecycleRule.builder()
          .id(rule.path("ID").asText())
          .status(ExpirationStatus.fromValue(rule.path("Status").asText()))
          .filter(f -> f.prefix(rule.path("Filter").path("Prefix").asText()));
      if (rule.has("Expiration")) {
        built.expiration(x -> x.days(rule.path("Expiration").path("Days").asInt()));
      }
      List<Transition> transitions = new ArrayList<>();
      for (JsonNode t : rule.path("Transitions")) {
        transitions.add(Transition.builder().days(t.path("Days").asInt()).storageClass(t.path("StorageClass").asText()).build());
      }
      if (!transitions.isEmpty()) {
        built.transitions(transitions);
      }
      rules.add(built.build());
    }
    return BucketLifecycleConfiguration.builder().rules(rules).build();
  }

  @Override
  public void close() throws Exception {
    if (embedded != null) {
      sweeper.shutdownNow();
      sweeper.awaitTermination(10, TimeUnit.SECONDS);
      embedded.close();
    }
  }
}
