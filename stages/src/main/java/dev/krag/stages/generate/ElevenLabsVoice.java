package dev.krag.stages.generate;

import dev.krag.stages.llm.HttpJson;
import java.net.URI;
import java.util.Map;

/**
 * An ElevenLabs voice through its text-to-speech API, answered as raw 24 kHz PCM so no decoder is
 * needed. A failed call throws {@link dev.krag.stages.llm.ProviderException}, which the
 * {@link Narrator} takes as "this voice cannot speak it" and tries its next voice.
 */
public final class ElevenLabsVoice implements Voice {

  public static final String MULTILINGUAL_V2 = "eleven_multilingual_v2";
  /** The slowest and fastest ElevenLabs reads. */
  private static final double MIN_SPEED = 0.7;
  private static final double MAX_SPEED = 1.2;

  private final URI baseUrl;
  private final String apiKey;
  private final String voiceId;
  private final String model;
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
    if (!voiceId.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("an ElevenLabs voice id is letters and digits, not '" + voiceId + "'");
    }
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.voiceId = voiceId;
    this.model = model;
    this.stability = unit("stability", stability);
    this.similarityBoost = unit("similarity boost", similarityBoost);
    this.style = unit("style", style);
    this.http = http;
  }

  private static double unit(String setting, double value) {
    if (value < 0 || value > 1) {
      throw new IllegalArgumentException("ElevenLabs' " + setting + " is between 0 and 1, not " + value);
    }
    return value;
  }

  /** The model and the voice: two voices of one model are two voices, for asset hashes and for who read what. */
  @Override
  public String name() {
    return "elevenlabs:" + model + "/" + voiceId;
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
    URI uri = baseUrl.resolve("v1/text-to-speech/" + voiceId + "?output_format=pcm_" + RemoteSpeech.SAMPLE_RATE);
    byte[] pcm = http.postForBytes(uri, Map.of("xi-api-key", apiKey), Map.of(
        "text", text,
        "model_id", model,
        "voice_settings", Map.of("stability", stability, "similarity_boost", similarityBoost, "style", style,
            "speed", RemoteSpeech.speed(wordsPerMinute, MIN_SPEED, MAX_SPEED))));
    return RemoteSpeech.pcm(pcm);
  }
}
