package dev.krag.stages.generate;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krag.stages.llm.HttpJson;
import dev.krag.stages.llm.ProviderException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The doubles refuse the requests their APIs refuse, so an adapter that passes against them sends
 * what the API takes: a double that took anything would prove nothing.
 */
class ProviderDoublesTest {

  private final HttpJson http = new HttpJson(new HttpJson.Policy(Duration.ofSeconds(5), 1, Duration.ZERO, Duration.ZERO));

  @Test
  void openAiRefusesFieldsAndSizesTheImageModelDoesNotTake() throws Exception {
    try (FakeOpenAiMedia openAi = new FakeOpenAiMedia()) {
      Map<String, String> auth = Map.of("Authorization", "Bearer " + FakeOpenAiMedia.KEY);
      assertThatThrownBy(() -> http.post(openAi.baseUrl().resolve("images/generations"), auth,
          Map.of("model", "gpt-image-1", "prompt", "a fox", "response_format", "b64_json")))
          .isInstanceOf(ProviderException.class).hasMessageContaining("400").hasMessageContaining("Unknown parameter: 'response_format'");
      assertThatThrownBy(() -> http.post(openAi.baseUrl().resolve("images/generations"), auth,
          Map.of("model", "gpt-image-1", "prompt", "a fox", "size", "640x360")))
          .isInstanceOf(ProviderException.class).hasMessageContaining("Invalid value: '640x360'");
      assertThatThrownBy(() -> http.post(openAi.baseUrl().resolve("images/generations"), auth, Map.of("model", "gpt-image-1")))
          .isInstanceOf(ProviderException.class).hasMessageContaining("Missing required parameter: 'prompt'");
      assertThatThrownBy(() -> http.postForBytes(openAi.baseUrl().resolve("audio/speech"), auth,
          Map.of("model", "tts-1", "input", "Hello.", "voice", "bob")))
          .isInstanceOf(ProviderException.class).hasMessageContaining("Invalid value: 'bob'");
    }
  }

  @Test
  void elevenLabsRefusesAMissingTextAndSettingsOutOfRange() throws Exception {
    try (FakeElevenLabs elevenLabs = new FakeElevenLabs()) {
      var uri = elevenLabs.baseUrl().resolve("v1/text-to-speech/" + FakeElevenLabs.VOICE + "?output_format=pcm_24000");
      Map<String, String> auth = Map.of("xi-api-key", FakeElevenLabs.KEY);
      assertThatThrownBy(() -> http.postForBytes(uri, auth, Map.of("model_id", "eleven_multilingual_v2")))
          .isInstanceOf(ProviderException.class).hasMessageContaining("422").hasMessageContaining("body.text: Field required");
      assertThatThrownBy(() -> http.postForBytes(uri, auth, Map.of("text", "Hello.", "voice_settings", Map.of("speed", 1.5))))
          .isInstanceOf(ProviderException.class)
          .hasMessageContaining("body.voice_settings.speed: Input should be less than or equal to 1.2");
      assertThatThrownBy(() -> http.postForBytes(uri, Map.of(), Map.of("text", "Hello.")))
          .isInstanceOf(ProviderException.class).hasMessageContaining("401").hasMessageContaining("xi-api-key");
    }
  }

  @Test
  void replicateRefusesSdxlInputsOutOfItsSchema() throws Exception {
    try (FakeReplicate replicate = new FakeReplicate()) {
      Map<String, String> auth = Map.of("Authorization", "Bearer " + FakeReplicate.TOKEN);
      Map<String, Object> input = Map.of("prompt", "a fox", "width", 1001, "height", "768");
      assertThatThrownBy(() -> http.post(replicate.baseUrl().resolve("v1/predictions"), auth,
          Map.of("version", ReplicateImages.SDXL_VERSION, "input", input)))
          .isInstanceOf(ProviderException.class).hasMessageContaining("422")
          .hasMessageContaining("input.width: Must be a multiple of 8").hasMessageContaining("input.height: Invalid type");
    }
  }
}
