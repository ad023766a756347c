package dev.krag.stages.generate;

import dev.krag.stages.llm.HttpJson;
import java.net.URI;
import java.util.Map;

/**
 * One of OpenAI's voices through its speech API, answered as raw PCM ("pcm": 24 kHz, 16-bit
 * little-endian, mono) so no decoder is needed. A failed call throws
 * {@link dev.krag.stages.llm.ProviderException}, which the {@link Narrator} takes as "this voice
 * cannot speak it" and tries its next voice.
 */
public final class OpenAiVoice implements Voice {

  public static final String TTS_1 = "tts-1";
  public static final String ALLOY = "alloy";
  /** The slowest and fastest OpenAI reads. */
  private static final double MIN_SPEED = 0.25;
  private static final double MAX_SPEED = 4.0;

  private final URI baseUrl;
  private final String apiKey;
  private final String model;
  private final String voice;
  private final HttpJson http;

  /**
   * @param baseUrl the API root with its version, ending in a slash (e.g. {@code https://api.openai.com/v1/})
   * @param voice one of OpenAI's voices ("alloy", "nova", ...)
   */
  public OpenAiVoice(URI baseUrl, String apiKey, String model, String voice, HttpJson http) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.model = model;
    this.voice = voice;
    this.http = http;
  }

  /** The model and the voice: two voices of one model are two voices, for asset hashes and for who read what. */
  @Override
  public String name() {
    return "openai:" + model + "/" + voice;
  }

  /** What reading the text costs, by its characters. */
  @Override
  public double priceUsd(String text) {
    return RemoteSpeech.priceUsd(model, text);
  }

  @Override
  public Speech speak(String text, int wordsPerMinute) {
    if (text.isBlank()) {
      return RemoteSpeech.silence();
    }
    byte[] pcm = http.postForBytes(baseUrl.resolve("audio/speech"), Map.of("Authorization", "Bearer " + apiKey), Map.of(
        "model", model,
        "input", text,
        "voice", voice,
        "response_format", "pcm",
        "speed", RemoteSpeech.speed(wordsPerMinute, MIN_SPEED, MAX_SPEED)));
    return RemoteSpeech.pcm(pcm);
  }
}
