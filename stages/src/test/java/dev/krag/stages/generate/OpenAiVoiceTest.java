package dev.krag.stages.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.krag.stages.llm.HttpJson;
import dev.krag.stages.llm.InstantRetries;
import dev.krag.stages.llm.ProviderDouble.Request;
import dev.krag.stages.llm.ProviderException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenAiVoiceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TEXT = "The fox looked down on the cat.";

  private final FakeOpenAiMedia openAi = new FakeOpenAiMedia();
  private final List<Duration> waits = new ArrayList<>();
  private final HttpJson http = InstantRetries.recording(waits, Duration.ofSeconds(5));
  private final OpenAiVoice voice = new OpenAiVoice(openAi.baseUrl(), FakeOpenAiMedia.KEY, OpenAiVoice.TTS_1, OpenAiVoice.ALLOY, http);

  OpenAiVoiceTest() throws Exception {}

  @AfterEach
  void stop() {
    openAi.close();
  }

  @Test
  void readsTheTextAsRaw24kHzPcm() throws Exception {
    Speech speech = voice.speak(TEXT, 150);

    assertThat(speech.sampleRate()).isEqualTo(24_000);
    assertThat(speech.seconds()).isCloseTo(FakeMedia.seconds(TEXT, 1.0), offset(1e-3));
    assertThat(Narrator.trimmed(speech.samples())).as("sound, not silence").isNotEmpty();
    Request sent = openAi.received.getFirst();
    assertThat(sent.method()).isEqualTo("POST");
    assertThat(sent.path()).isEqualTo("/v1/audio/speech");
    assertThat(sent.header("Authorization")).isEqualTo("Bearer " + FakeOpenAiMedia.KEY);
    assertThat(sent.body()).isEqualTo(JSON.readTree("""
        {"model": "tts-1", "input": "The fox looked down on the cat.", "voice": "alloy", "response_format": "pcm", "speed": 1.0}"""));
  }

  @ParameterizedTest
  @CsvSource({"150, 1.0", "120, 0.8", "30, 0.25", "900, 4.0"})
  void readsAtThePaceAskedWithinOpenAisRange(int wordsPerMinute, double speed) {
    Speech speech = voice.speak(TEXT, wordsPerMinute);

    assertThat(openAi.received.getLast().body().path("speed").asDouble()).isCloseTo(speed, offset(1e-9));
    assertThat(speech.seconds()).isCloseTo(FakeMedia.seconds(TEXT, speed), offset(1e-3));
  }

  @Test
  void sendsTheModelAndVoiceItWasGiven() {
    OpenAiVoice nova = new OpenAiVoice(openAi.baseUrl(), FakeOpenAiMedia.KEY, "tts-1-hd", "nova", http);

    nova.speak(TEXT, 150);

    assertThat(openAi.received.getFirst().body().path("model").asText()).isEqualTo("tts-1-hd");
    assertThat(openAi.received.getFirst().body().path("voice").asText()).isEqualTo("nova");
    assertThat(nova.name()).isEqualTo("openai:tts-1-hd/nova");
  }

  @Test
  void nothingToSayIsSilenceWithoutACall() {
    assertThat(voice.speak("\t", 150).samples()).isEmpty();
    assertThat(openAi.received).isEmpty();
  }

  @Test
  void aRateLimitIsWaitedOutAsOpenAiAsksAndAServerErrorRetried() {
    openAi.then(FakeOpenAiMedia.error(429, "Rate limit reached for tts-1 on requests per min (RPM): Limit 50.", "requests", null,
            "rate_limit_exceeded", Map.of("Retry-After", "2")))
        .then(FakeOpenAiMedia.error(500, "The server had an error while processing your request.", "server_error", null, null, Map.of()));

    assertThat(voice.speak(TEXT, 150).samples()).isNotEmpty();
    assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofMillis(1500));
    assertThat(openAi.received).hasSize(3);
  }

  @Test
  void aWrongKeyFailsAtOnceWithOpenAisMessage() {
    OpenAiVoice wrongKey = new OpenAiVoice(openAi.baseUrl(), "sk-wrong", OpenAiVoice.TTS_1, OpenAiVoice.ALLOY, http);

    assertThatThrownBy(() -> wrongKey.speak(TEXT, 150))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.status()).isEqualTo(401))
        .hasMessageContaining("Incorrect API key provided");
    assertThat(openAi.received).hasSize(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void aTextLongerThanOpenAiReadsAtOnceIsRefusedWithItsMessage() {
    assertThatThrownBy(() -> voice.speak("word ".repeat(1000), 150))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessageContaining("maximum length 4096");
    assertThat(openAi.received).hasSize(1);
  }

  @Test
  void isPricedByCharacterAtItsModelsRate() {
    assertThat(voice.priceUsd("a".repeat(2000))).isCloseTo(0.03, offset(1e-12));
    assertThat(new OpenAiVoice(openAi.baseUrl(), "k", "tts-1-hd", "alloy", http).priceUsd("a".repeat(1000))).isCloseTo(0.03, offset(1e-12));
    assertThat(voice.name()).isEqualTo("openai:tts-1/alloy");
  }
}
