package dev.krag.stages.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.krag.stages.llm.HttpJson;
import dev.krag.stages.llm.InstantRetries;
import dev.krag.stages.llm.ProviderDouble.Request;
import dev.krag.stages.llm.ProviderException;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplicateImagesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration POLL = Duration.ofMillis(10);

  private final FakeReplicate replicate = new FakeReplicate();
  private final List<Duration> waits = new ArrayList<>();
  private final HttpJson http = InstantRetries.recording(waits, Duration.ofSeconds(5));
  private final ReplicateImages sdxl =
      new ReplicateImages(replicate.baseUrl(), FakeReplicate.TOKEN, ReplicateImages.SDXL_VERSION, http, POLL);

  ReplicateImagesTest() throws Exception {}

  @AfterEach
  void stop() {
    replicate.close();
  }

  @Test
  void createsAPredictionPollsItUntilItSucceedsAndFetchesItsPng() throws Exception {
    replicate.endingAfter(2);

    BufferedImage picture = sdxl.generate("A fox in a moonlit forest.", 1280, 720);

    assertThat(picture.getWidth()).isEqualTo(1368);
    assertThat(picture.getHeight()).isEqualTo(768);
    assertThat(replicate.received).extracting(r -> r.method() + " " + r.path()).containsExactly(
        "POST /v1/predictions", "GET /v1/predictions/p1xq8f3ncg", "GET /v1/predictions/p1xq8f3ncg", "GET /delivery/p1xq8f3ncg/out-0.png");
    Request create = replicate.received.getFirst();
    assertThat(create.header("Authorization")).isEqualTo("Bearer " + FakeReplicate.TOKEN);
    assertThat(create.header("Prefer")).as("held open for half the call's timeout").isEqualTo("wait=2");
    assertThat(create.body()).isEqualTo(JSON.readTree("""
        {"version": "7762fd07cf82c948538e41f63f77d685e02b063e37e496e96eefd46c929f9bdc",
         "input": {"prompt": "A fox in a moonlit forest.", "width": 1368, "height": 768, "num_outputs": 1}}"""));
    assertThat(replicate.received.get(1).header("Authorization")).isEqualTo("Bearer " + FakeReplicate.TOKEN);
    assertThat(replicate.received.getLast().header("Authorization")).as("the token stays with the API's host").isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"1280, 720", "720, 1280", "1000, 1000", "1024, 768", "1920, 800"})
  void asksForAboutAMegapixelAtTheFramesAspectInSidesOfEight(int width, int height) {
    Size size = ReplicateImages.size(width, height);

    assertThat(size.width() % 8).isZero();
    assertThat(size.height() % 8).isZero();
    assertThat(size.width() * (double) size.height()).isCloseTo(1024 * 1024, offset(1024 * 1024 * 0.02));
    assertThat(size.width() / (double) size.height()).isCloseTo(width / (double) height, offset(0.02));
  }

  @Test
  void aFailedPredictionFailsWithReplicatesErrorAndIsNotRetried() {
    replicate.failingWith("NSFW content detected. Try running it again, or try a different prompt.");

    assertThatThrownBy(() -> sdxl.generate("a fox", 1280, 720))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retriable()).isFalse())
        .hasMessageContaining("failed").hasMessageContaining("NSFW content detected");
    assertThat(replicate.received).extracting(Request::path).noneMatch(p -> p.startsWith("/delivery/"));
  }

  @Test
  void aRateLimitIsWaitedOutAsReplicateAsksAndAServerErrorRetried() {
    replicate.endingAfter(1)
        .then(FakeReplicate.problem(429, "Request was throttled.", "Request was throttled. Expected available in 2 seconds.",
            Map.of("Retry-After", "2")))
        .then(FakeReplicate.problem(500, "Internal server error", "Something went wrong.", Map.of()));

    assertThat(sdxl.generate("a fox", 1280, 720).getWidth()).isEqualTo(1368);
    assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofMillis(1500));
    assertThat(replicate.received).extracting(r -> r.method() + " " + r.path()).containsExactly(
        "POST /v1/predictions", "POST /v1/predictions", "POST /v1/predictions", "GET /v1/predictions/p1xq8f3ncg",
        "GET /delivery/p1xq8f3ncg/out-0.png");
  }

  @Test
  void aWrongTokenFailsAtOnceWithReplicatesDetail() {
    ReplicateImages wrongToken = new ReplicateImages(replicate.baseUrl(), "r8_wrong", ReplicateImages.SDXL_VERSION, http, POLL);

    assertThatThrownBy(() -> wrongToken.generate("a fox", 1280, 720))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.status()).isEqualTo(401))
        .hasMessageContaining("You did not pass a valid authentication token");
    assertThat(replicate.received).hasSize(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void anUnknownVersionIsRefusedWithReplicatesDetail() {
    ReplicateImages unknown = new ReplicateImages(replicate.baseUrl(), FakeReplicate.TOKEN, "0123456789abcdef", http, POLL);

    assertThatThrownBy(() -> unknown.generate("a fox", 1280, 720)).isInstanceOf(ProviderException.class)
        .hasMessageContaining("422").hasMessageContaining("The specified version does not exist");
  }

  @Test
  void aPredictionStillRunningAtTheDeadlineIsCancelledAndFails() {
    replicate.endingAfter(Integer.MAX_VALUE);
    HttpJson quick = InstantRetries.recording(waits, Duration.ofMillis(300));
    ReplicateImages impatient = new ReplicateImages(replicate.baseUrl(), FakeReplicate.TOKEN, ReplicateImages.SDXL_VERSION, quick, POLL);

    assertThatThrownBy(() -> impatient.generate("a fox", 1280, 720)).isInstanceOf(ProviderException.class)
        .hasMessageContaining("still processing");
    assertThat(replicate.received.getLast().path()).isEqualTo("/v1/predictions/p1xq8f3ncg/cancel");
    assertThat(replicate.received.getLast().method()).isEqualTo("POST");
  }

  @Test
  void itIsNamedByItsVersionAndPricedPerPicture() {
    assertThat(sdxl.provider()).isEqualTo("replicate");
    assertThat(sdxl.model()).isEqualTo("sdxl:7762fd07");
    assertThat(sdxl.priceUsd(1280, 720)).isEqualTo(0.0041);
  }
}
