package dev.krag.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krag.deploy.embedded.EmbeddedS3;
import dev.krag.schemas.Bucket;
import dev.krag.stages.store.S3AssetStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The embedded bucket and the stages' store on it, through a real S3 server. */
class ObjectStorageTest {

  @TempDir Path out;

  private final KragConfig.StorageSettings settings = KragConfig.from(Map.<String, String>of()::get).storage();

  @Test
  void objectsWrittenThroughTheS3ApiArePlainFilesUnderTheOutputFolderAndOutliveTheServer() throws Exception {
    try (ObjectStorage storage = ObjectStorage.start(settings, out);
         S3AssetStore store = new S3AssetStore(storage.bucket(), out.resolve("cache"))) {
      store.write("inputs/story-1/source.txt", "Once upon a time".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(out.resolve("s3").resolve(Bucket.DEFAULT_NAME).resolve("inputs/story-1/source.txt")).hasContent("Once upon a time");

    try (ObjectStorage again = ObjectStorage.start(settings, out);
         S3AssetStore store = new S3AssetStore(again.bucket(), out.resolve("other-cache"))) {
      assertThat(store.exists("inputs/story-1/source.txt")).as("the bucket made by the first start is kept").isTrue();
      assertThat(store.localPath("inputs/story-1/source.txt")).hasContent("Once upon a time");
    }
  }

  @Test
  void aLocalCopyFollowsTheObjectWhenItIsWrittenAgainAndCopiesStayOnTheServer() throws Exception {
    Path film = Files.writeString(out.resolve("draft.mp4"), "first cut");
    try (ObjectStorage storage = ObjectStorage.start(settings, out);
         S3AssetStore store = new S3AssetStore(storage.bucket(), out.resolve("cache"))) {
      store.put("assets/run-1/video/draft-0.mp4", film);
      assertThat(store.localPath("assets/run-1/video/draft-0.mp4")).hasContent("first cut");

      store.write("assets/run-1/video/draft-0.mp4", "second cut".getBytes(StandardCharsets.UTF_8));
      Path local = store.localPath("assets/run-1/video/draft-0.mp4");
      assertThat(local).hasContent("second cut").hasFileName("draft-0.mp4");

      store.copy("assets/run-1/video/draft-0.mp4", "outputs/run-1/final.mp4");
      assertThat(out.resolve("s3").resolve(Bucket.DEFAULT_NAME).resolve("outputs/run-1/final.mp4")).hasContent("second cut");
      assertThat(store.exists("outputs/run-2/final.mp4")).isFalse();
      assertThatThrownBy(() -> store.localPath("outputs/run-2/final.mp4")).isInstanceOf(IOException.class)
          .hasMessageContaining("outputs/run-2/final.mp4");
    }
  }

  @Test
  void anExternalEndpointGetsTheBucketMadeAndAServerWithoutLifecycleRulesIsUsedAllTheSame() throws Exception {
    try (EmbeddedS3 server = EmbeddedS3.start(out.resolve("elsewhere"), "operator", "operator-secret")) {
      KragConfig.StorageSettings external = KragConfig.from(Map.of("S3_ENDPOINT", server.endpoint().toString(), "S3_BUCKET", "films",
          "S3_ACCESS_KEY_ID", "operator", "S3_SECRET_ACCESS_KEY", "operator-secret")::get).storage();

      try (ObjectStorage storage = ObjectStorage.start(external, out);
           S3AssetStore store = new S3AssetStore(storage.bucket(), out.resolve("cache"))) {
        store.write("outputs/run-1/final.srt", "1".getBytes(StandardCharsets.UTF_8));
      }

      assertThat(out.resolve("elsewhere").resolve("films").resolve("outputs/run-1/final.srt")).hasContent("1");
      assertThat(out.resolve("s3")).as("no embedded server of its own").doesNotExist();
    }
  }

  @Test
  void theServerChecksSignaturesAsARealEndpointDoes() throws Exception {
    try (ObjectStorage storage = ObjectStorage.start(settings, out)) {
      Bucket b = storage.bucket();
      try (S3Client stranger = new Bucket(b.endpoint(), b.region(), b.name(), b.accessKey(), "not-the-secret").client()) {
        assertThatThrownBy(() -> stranger.listObjectsV2(r -> r.bucket(b.name()))).isInstanceOf(S3Exception.class)
            .satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(403));
      }
    }
  }

  @Test
  void theEmbeddedBucketDeletesDraftAssetsAWeekOldAndKeepsFinalsArtifactsAndStories() throws Exception {
    List<String> drafts = List.of("assets/run-1/images/shot-1-ab.png", "assets/run-1/video/draft-0.mp4");
    List<String> kept = List.of("outputs/run-1/final.mp4", "artifacts/run-1/feedback.json", "inputs/story-1/source.txt");
    try (ObjectStorage storage = ObjectStorage.start(settings, out);
         S3AssetStore store = new S3AssetStore(storage.bucket(), out.resolve("cache"));
         S3Client s3 = storage.bucket().client()) {
      for (String key : Stream.concat(drafts.stream(), kept.stream()).toList()) {
        store.write(key, key.getBytes(StandardCharsets.UTF_8));
      }
      Instant now = Instant.now();

      assertThat(Expiry.apply(s3, storage.bucket().name(), ObjectStorage.lifecycle(), now.plus(Duration.ofDays(6))))
          .as("six days on, nothing has expired").isZero();
      assertThat(Expiry.apply(s3, storage.bucket().name(), ObjectStorage.lifecycle(), now.plus(Duration.ofDays(8)))).isEqualTo(2);

      assertThat(drafts).noneMatch(store::exists);
      assertThat(kept).allMatch(store::exists);
    }
  }

  @Test
  void draftsLeftByARunAWeekAgoAreDeletedWhenKragStartsAgain() throws Exception {
    String draft = "assets/run-old/video/draft-0.mp4";
    try (ObjectStorage storage = ObjectStorage.start(settings, out);
         S3AssetStore store = new S3AssetStore(storage.bucket(), out.resolve("cache"))) {
      store.write(draft, "an old cut".getBytes(StandardCharsets.UTF_8));
    }
    // The embedded server keeps each object as a file and reads its age from it.
    Files.setLastModifiedTime(out.resolve("s3").resolve(Bucket.DEFAULT_NAME).resolve(draft),
        FileTime.from(Instant.now().minus(Duration.ofDays(8))));

    try (ObjectStorage again = ObjectStorage.start(settings, out);
         S3AssetStore store = new S3AssetStore(again.bucket(), out.resolve("other-cache"))) {
      long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (store.exists(draft) && System.nanoTime() < until) {
        Thread.sleep(100);
      }
      assertThat(store.exists(draft)).as("expired at start").isFalse();
    }
  }

  @Test
  void theLifecycleDeletesDraftAssetsAfterAWeekArchivesArtifactsAfterThirtyDaysAndKeepsFinals() throws Exception {
    var rules = ObjectStorage.lifecycle().rules();

    assertThat(rules).extracting(r -> r.filter().prefix()).containsExactlyInAnyOrder("assets/", "artifacts/");
    LifecycleRule drafts = rules.stream().filter(r -> r.filter().prefix().equals("assets/")).findFirst().orElseThrow();
    assertThat(drafts.expiration().days()).isEqualTo(7);
    LifecycleRule artifacts = rules.stream().filter(r -> r.filter().prefix().equals("artifacts/")).findFirst().orElseThrow();
    assertThat(artifacts.transitions()).singleElement().satisfies(t -> {
      assertThat(t.days()).isEqualTo(30);
      assertThat(t.storageClassAsString()).isEqualTo("GLACIER");
    });
    assertThat(rules).allSatisfy(r -> assertThat(r.statusAsString()).isEqualTo("Enabled"));
  }
}
