package dev.krag.stages.generate;

import dev.krag.stages.llm.HttpJson;
import java.net.URI;
import java.util.Map;

/** One of OpenAI's voices through its speech API ("pcm" is 24 kHz, 16-bit little-endian, mono). */
public final class OpenAiVoice extends RemoteVoice {

  public static final String TTS_1 = "tts-1";
  public static final String ALLOY = "alloy";
  /** The slowest and fastest OpenAI reads. */
  private static final double MIN_SPEED = 0.25;
  private static final double MAX_SPEED = 4.0;

  private final URI baseUrl;
  private final String apiKey;
  private final HttpJson http;

  /**
   * @param baseUrl the API root with its version, ending in a slash (e.g. {@code https://api.openai.com/v1/})
   * @param voice one of OpenAI's voices ("alloy", "nova", ...)
   */
  public OpenAiVoice(URI baseUrl, String apiKey, String model, String voice, HttpJson http) {
    super("openai", model, voice);
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.http = http;
  }

  @Override
  byte[] read(String model, String voice, String text, int wordsPerMinute) {
    return http.postForBytes(baseUrl.resolve("audio/speech"), Map.of("Authorization", "Bearer " + apiKey), Map.of(
        "model", model,
        "input", text,
        "voice", voice,
        "response_format", "pcm",
        "speed", speed(wordsPerMinute, MIN_SPEED, MAX_SPEED)));
  }
}
