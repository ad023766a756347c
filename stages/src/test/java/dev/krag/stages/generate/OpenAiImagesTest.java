package dev.krag.stages.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

class OpenAiImagesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FakeOpenAiMedia openAi = new FakeOpenAiMedia();
  private final List<Duration> waits = new ArrayList<>();
  private final HttpJson http = InstantRetries.recording(waits, Duration.ofSeconds(5));
  private final OpenAiImages images = new OpenAiImages(openAi.baseUrl(), FakeOpenAiMedia.KEY, OpenAiImages.GPT_IMAGE_1, http);

  OpenAiImagesTest() throws Exception {}

  @AfterEach
  void stop() {
    openAi.close();
  }

  @Test
  void asksGptImage1ForOneMediumPictureAndDecodesTheBase64Png() throws Exception {
    BufferedImage picture = images.generate("A fox in a moonlit forest.", 1280, 720);

    assertThat(picture.getWidth()).isEqualTo(1536);
    assertThat(picture.getHeight()).isEqualTo(1024);
    Request sent = openAi.received.getFirst();
    assertThat(sent.method()).isEqualTo("POST");
    assertThat(sent.path()).isEqualTo("/v1/images/generations");
    assertThat(sent.header("Authorization")).isEqualTo("Bearer " + FakeOpenAiMedia.KEY);
    assertThat(sent.body()).isEqualTo(JSON.readTree("""
        {"model": "gpt-image-1", "prompt": "A fox in a moonlit forest.", "size": "1536x1024", "n": 1, "quality": "medium"}"""));
  }

  @ParameterizedTest
  @CsvSource({"1280, 720, 1536x1024", "720, 1280, 1024x1536", "1000, 1000, 1024x1024", "1024, 768, 1536x1024", "1100, 1000, 1024x1024"})
  void paintsAtTheSizeNearestTheFramesAspect(int width, int height, String size) {
    images.generate("a fox", width, height);

    assertThat(openAi.received.getLast().body().get("size").asText()).isEqualTo(size);
  }

  @Test
  void asksDallE3ForTheBytesRatherThanALinkAtItsOwnSizes() throws Exception {
    OpenAiImages dallE = new OpenAiImages(openAi.baseUrl(), FakeOpenAiMedia.KEY, OpenAiImages.DALL_E_3, http);

    BufferedImage picture = dallE.generate("a fox", 1280, 720);

    assertThat(picture.getWidth()).isEqualTo(1792);
    assertThat(openAi.received.getFirst().body()).isEqualTo(JSON.readTree("""
        {"model": "dall-e-3", "prompt": "a fox", "size": "1792x1024", "n": 1, "quality": "standard", "response_format": "b64_json"}"""));
  }

  @Test
  void aRateLimitIsWaitedOutAsTheProviderAsksAndAServerErrorRetried() {
    openAi.then(FakeOpenAiMedia.error(429, "Rate limit reached for images per minute", "requests", null, "rate_limit_exceeded",
        Map.of("Retry-After", "3")))
        .then(FakeOpenAiMedia.error(500, "The server had an error processing your request.", "server_error", null, null, Map.of()));

    assertThat(images.generate("a fox", 1280, 720).getWidth()).isEqualTo(1536);
    assertThat(waits).containsExactly(Duration.ofSeconds(3), Duration.ofMillis(1500));
    assertThat(openAi.received).hasSize(3);
  }

  @Test
  void aWrongKeyFailsAtOnceWithOpenAisMessage() {
    OpenAiImages wrongKey = new OpenAiImages(openAi.baseUrl(), "sk-wrong", OpenAiImages.GPT_IMAGE_1, http);

    assertThatThrownBy(() -> wrongKey.generate("a fox", 1280, 720))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.status()).isEqualTo(401))
        .hasMessageContaining("Incorrect API key provided");
    assertThat(openAi.received).hasSize(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void aRefusedPromptFailsAtOnce() {
    openAi.then(FakeOpenAiMedia.error(400, "Your request was rejected as a result of our safety system.", "image_generation_user_error",
        null, "moderation_blocked", Map.of()));

    assertThatThrownBy(() -> images.generate("a fox", 1280, 720)).isInstanceOf(ProviderException.class)
        .hasMessageContaining("safety system");
    assertThat(openAi.received).hasSize(1);
  }

  @Test
  void aModelWhoseSizesAreNotKnownIsRefusedBeforeAnyCall() {
    assertThatThrownBy(() -> new OpenAiImages(openAi.baseUrl(), FakeOpenAiMedia.KEY, "dall-e-2", http))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dall-e-2");
  }

  @Test
  void aPictureCostsTheListPriceOfTheSizeAskedFor() {
    assertThat(images.priceUsd(1280, 720)).isEqualTo(0.063);
    assertThat(images.priceUsd(720, 720)).isEqualTo(0.042);
    assertThat(new OpenAiImages(openAi.baseUrl(), "k", OpenAiImages.DALL_E_3, http).priceUsd(1280, 720)).isEqualTo(0.08);
  }
}
