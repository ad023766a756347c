package dev.krag.stages.generate;

import dev.krag.stages.llm.HttpJson;
import java.net.URI;
import java.util.Map;

/** An ElevenLabs voice through its text-to-speech API. */
public final class ElevenLabsVoice extends RemoteVoice {

  public static final String MULTILINGUAL_V2 = "eleven_multilingual_v2";
  /** The slowest and fastest ElevenLabs reads. */
  private static final double MIN_SPEED = 0.7;
  private static final double MAX_SPEED = 1.2;

  private final URI baseUrl;
  private final String apiKey;
  private final double stability;
  private final double similarityBoost;
  private final double style;
  private final HttpJson http;

  /** The voice with eleven_multilingual_v2 and ElevenLabs' default settings (stability 0.5, similarity 0.75, style 0). */
  public ElevenLabsVoice(URI baseUrl, String apiKey, String voiceId, HttpJson http) {
    this(baseUrl, apiKey, voiceId, MULTILINGUAL_V2, 0.5, 0.75, 0.0, http);
  }

  /**
   * @param baseUrl the API root, ending in a slash (e.g. {@code https://api.elevenlabs.io/})
   * @param stability 0..1: lower reads with more feeling and less evenly
   * @param similarityBoost 0..1: how closely to keep to the original voice
   * @param style 0..1: how much to exaggerate the voice's style
   */
  public ElevenLabsVoice(URI baseUrl, String apiKey, String voiceId, String model, double stability, double similarityBoost,
      double style, HttpJson http) {
    super("elevenlabs", model, checked(voiceId));
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.stability = unit("stability", stability);
    this.similarityBoost = unit("similarity boost", similarityBoost);
    this.style = unit("style", style);
    this.http = http;
  }

  private static String checked(String voiceId) {
    if (!voiceId.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("an ElevenLabs voice id is letters and digits, not '" + voiceId + "'");
    }
    return voiceId;
  }

  private static double unit(String setting, double value) {
    if (value < 0 || value > 1) {
      throw new IllegalArgumentException("ElevenLabs' " + setting + " is between 0 and 1, not " + value);
    }
    return value;
  }

  @Override
  byte[] read(String model, String voiceId, String text, int wordsPerMinute) {
    URI uri = baseUrl.resolve("v1/text-to-speech/" + voiceId + "?output_format=pcm_" + SAMPLE_RATE);
    return http.postForBytes(uri, Map.of("xi-api-key", apiKey), Map.of(
        "text", text,
        "model_id", model,
        "voice_settings", Map.of("stability", stability, "similarity_boost", similarityBoost, "style", style,
            "speed", speed(wordsPerMinute, MIN_SPEED, MAX_SPEED))));
  }
}
