package dev.krag.stages.cost;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PricesTest {

  @ParameterizedTest
  @CsvSource({
      "gpt-image-1, 1536, 1024, 0.063",
      "gpt-image-1, 1024, 1536, 0.063",
      "gpt-image-1, 1024, 1024, 0.042",
      "dall-e-3, 1024, 1024, 0.04",
      "dall-e-3, 1792, 1024, 0.08",
      "sdxl, 1368, 768, 0.0041",
      "sdxl, 1024, 1024, 0.0041",
      "gpt-image-1, 640, 360, 0.0",
      "flux-schnell, 1024, 1024, 0.0"})
  void aPictureCostsItsModelsListPriceAtItsSizeAndAnUnlistedOneNothing(String model, int width, int height, double usd) {
    assertThat(Prices.image(model, width, height)).isEqualTo(usd);
  }

  @ParameterizedTest
  @CsvSource({
      "eleven_multilingual_v2, 0.30",
      "eleven_flash_v2_5, 0.15",
      "tts-1, 0.015",
      "tts-1-hd, 0.030",
      "gpt-4o-mini-tts, 0.015",
      "marytts, 0.0"})
  void speechCostsItsModelsPricePerThousandCharactersAndAnUnlistedOneNothing(String model, double usd) {
    assertThat(Prices.speechPer1k(model)).isEqualTo(usd);
  }
}
