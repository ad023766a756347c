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

class ElevenLabsVoiceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TEXT = "The fox looked down on the cat.";

  private final FakeElevenLabs elevenLabs = new FakeElevenLabs();
  private final List<Duration> waits = new ArrayList<>();
  private final HttpJson http = InstantRetries.recording(waits, Duration.ofSeconds(5));
  private final ElevenLabsVoice voice = new ElevenLabsVoice(elevenLabs.baseUrl(), FakeElevenLabs.KEY, FakeElevenLabs.VOICE, http);

  ElevenLabsVoiceTest() throws Exception {}

  @AfterEach
  void stop() {
    elevenLabs.close();
  }

  @Test
  void readsTheTextAsRaw24kHzPcm() throws Exception {
    Speech speech = voice.speak(TEXT, 150);

    assertThat(speech.sampleRate()).isEqualTo(24_000);
    assertThat(speech.seconds()).isCloseTo(FakeMedia.seconds(TEXT, 1.0), offset(1e-3));
    assertThat(Narrator.trimmed(speech.samples())).as("sound, not silence").isNotEmpty();
    Request sent = elevenLabs.received.getFirst();
    assertThat(sent.method()).isEqualTo("POST");
    assertThat(sent.path()).isEqualTo("/v1/text-to-speech/" + FakeElevenLabs.VOICE);
    assertThat(sent.query()).isEqualTo("output_format=pcm_24000");
    assertThat(sent.header("xi-api-key")).isEqualTo(FakeElevenLabs.KEY);
    assertThat(sent.body()).isEqualTo(JSON.readTree("""
        {"text": "The fox looked down on the cat.", "model_id": "eleven_multilingual_v2",
         "voice_settings": {"stability": 0.5, "similarity_boost": 0.75, "style": 0.0, "speed": 1.0}}"""));
  }

  @ParameterizedTest
  @CsvSource({"150, 1.0", "165, 1.1", "120, 0.8", "60, 0.7", "300, 1.2"})
  void readsAtThePaceAskedWithinElevenLabsRange(int wordsPerMinute, double speed) {
    voice.speak(TEXT, wordsPerMinute);

    assertThat(elevenLabs.received.getLast().body().path("voice_settings").path("speed").asDouble()).isCloseTo(speed, offset(1e-9));
  }

  @Test
  void sendsTheModelAndSettingsItWasGiven() throws Exception {
    new ElevenLabsVoice(elevenLabs.baseUrl(), FakeElevenLabs.KEY, FakeElevenLabs.VOICE, "eleven_flash_v2_5", 0.3, 0.9, 0.2, http)
        .speak(TEXT, 150);

    assertThat(elevenLabs.received.getFirst().body().path("model_id").asText()).isEqualTo("eleven_flash_v2_5");
    assertThat(elevenLabs.received.getFirst().body().path("voice_settings")).isEqualTo(JSON.readTree("""
        {"stability": 0.3, "similarity_boost": 0.9, "style": 0.2, "speed": 1.0}"""));
  }

  @Test
  void nothingToSayIsSilenceWithoutACall() {
    assertThat(voice.speak(" \n ", 150).samples()).isEmpty();
    assertThat(voice.speak("", 150).samples()).isEmpty();
    assertThat(elevenLabs.received).isEmpty();
  }

  @Test
  void aRateLimitIsWaitedOutAsElevenLabsAsksAndAServerErrorRetried() {
    elevenLabs.then(FakeElevenLabs.error(429, "too_many_concurrent_requests",
            "Too many concurrent requests for your subscription.", Map.of("Retry-After", "1")))
        .then(FakeElevenLabs.error(500, "internal_error", "An internal error occurred.", Map.of()));

    assertThat(voice.speak(TEXT, 150).samples()).isNotEmpty();
    assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofMillis(1500));
    assertThat(elevenLabs.received).hasSize(3);
  }

  @Test
  void aWrongKeyFailsAtOnceWithElevenLabsMessage() {
    ElevenLabsVoice wrongKey = new ElevenLabsVoice(elevenLabs.baseUrl(), "xi-wrong", FakeElevenLabs.VOICE, http);

    assertThatThrownBy(() -> wrongKey.speak(TEXT, 150))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.status()).isEqualTo(401))
        .hasMessageContaining("Invalid API key");
    assertThat(elevenLabs.received).hasSize(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void anUnknownVoiceFailsWithElevenLabsMessage() {
    ElevenLabsVoice unknown = new ElevenLabsVoice(elevenLabs.baseUrl(), FakeElevenLabs.KEY, "nosuchvoice", http);

    assertThatThrownBy(() -> unknown.speak(TEXT, 150)).isInstanceOf(ProviderException.class)
        .hasMessageContaining("A voice with the voice_id nosuchvoice was not found.");
  }

  @Test
  void aValidationErrorNamesTheFieldAndWhatIsWrong() {
    elevenLabs.then(FakeElevenLabs.validation("less_than_equal", List.of("body", "voice_settings", "speed"),
        "Input should be less than or equal to 1.2"));

    assertThatThrownBy(() -> voice.speak(TEXT, 150))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.status()).isEqualTo(422))
        .hasMessageContaining("body.voice_settings.speed: Input should be less than or equal to 1.2");
  }

  @Test
  void settingsOutOfElevenLabsRangeAndVoiceIdsThatAreNotIdsAreRefusedBeforeAnyCall() {
    assertThatThrownBy(() -> new ElevenLabsVoice(elevenLabs.baseUrl(), "k", FakeElevenLabs.VOICE, "eleven_multilingual_v2", 1.5, 0.75,
        0, http)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stability");
    assertThatThrownBy(() -> new ElevenLabsVoice(elevenLabs.baseUrl(), "k", "../v1/user", http))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aVoiceThatIsRefusedLeavesTheSentenceToTheNarratorsNextVoice() throws Exception {
    try (FakeOpenAiMedia openAi = new FakeOpenAiMedia()) {
      ElevenLabsVoice wrongKey = new ElevenLabsVoice(elevenLabs.baseUrl(), "xi-wrong", FakeElevenLabs.VOICE, http);
      OpenAiVoice alloy = new OpenAiVoice(openAi.baseUrl(), FakeOpenAiMedia.KEY, OpenAiVoice.TTS_1, OpenAiVoice.ALLOY, http);

      Narrator.Narration narration = Narrator.of(wrongKey, alloy).narrate(TEXT, 150);

      assertThat(narration.sentences().getFirst().parts()).extracting(Narrator.Part::voice).containsExactly("openai:tts-1/alloy");
      assertThat(narration.speech().seconds()).isGreaterThan(1);
    }
  }

  @Test
  void isNamedByModelAndVoiceAndPricedByCharacter() {
    assertThat(voice.name()).isEqualTo("elevenlabs:eleven_multilingual_v2/" + FakeElevenLabs.VOICE);
    assertThat(voice.priceUsd("a".repeat(1000))).isCloseTo(0.30, offset(1e-12));
    assertThat(voice.priceUsd(TEXT)).isCloseTo(TEXT.length() * 0.30 / 1000, offset(1e-12));
    assertThat(voice.priceUsd("  ")).as("never sent").isZero();
  }
}
