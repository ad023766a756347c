package dev.krag.stages.cost;

import java.util.Map;
import java.util.Optional;

/**
 * What remote models charge in US dollars, from the providers' public list prices as of
 * {@link #VERSION}: language models per 1,000 tokens in and out, image models per picture, voices
 * per 1,000 characters. A model that is not listed (a self-hosted OpenAI-compatible server, say)
 * costs nothing here; its use is still recorded.
 */
public final class Prices {

  public static final String VERSION = "2026-11";

  /** Per 1,000 tokens. */
  public record TokenPrice(double input, double output) {}

  private static final Map<String, TokenPrice> TOKENS = Map.of(
      "gpt-4.1", new TokenPrice(0.002, 0.008),
      "gpt-4.1-mini", new TokenPrice(0.0004, 0.0016),
      "gpt-4o", new TokenPrice(0.0025, 0.01),
      "gpt-4o-mini", new TokenPrice(0.00015, 0.0006),
      "text-embedding-3-large", new TokenPrice(0.00013, 0.0),
      "text-embedding-3-small", new TokenPrice(0.00002, 0.0),
      "claude-sonnet-4-5", new TokenPrice(0.003, 0.015),
      "claude-opus-4-1", new TokenPrice(0.015, 0.075),
      "claude-haiku-4-5", new TokenPrice(0.001, 0.005));

  /**
   * Per picture, by model and size; a model priced the same at every size has no size. OpenAI's
   * at the quality krag asks for (gpt-image-1 "medium", dall-e-3 "standard"); SDXL on Replicate is
   * billed by GPU time, here at its typical run.
   */
  private static final Map<String, Double> IMAGES = Map.of(
      "gpt-image-1/1024x1024", 0.042,
      "gpt-image-1/1536x1024", 0.063,
      "gpt-image-1/1024x1536", 0.063,
      "dall-e-3/1024x1024", 0.04,
      "dall-e-3/1792x1024", 0.08,
      "dall-e-3/1024x1792", 0.08,
      "sdxl", 0.0041);

  /** Per 1,000 characters read aloud; ElevenLabs' at the Creator plan's overage rate. */
  private static final Map<String, Double> SPEECH = Map.of(
      "eleven_multilingual_v2", 0.30,
      "eleven_flash_v2_5", 0.15,
      "tts-1", 0.015,
      "tts-1-hd", 0.030,
      "gpt-4o-mini-tts", 0.015);

  private Prices() {}

  public static Optional<TokenPrice> of(String model) {
    return Optional.ofNullable(TOKENS.get(model));
  }

  public static double usd(String model, long inputTokens, long outputTokens) {
    return of(model).map(p -> (inputTokens * p.input() + outputTokens * p.output()) / 1000.0).orElse(0.0);
  }

  /** One picture of this size from this model. */
  public static double image(String model, int width, int height) {
    return IMAGES.getOrDefault(model + "/" + width + "x" + height, IMAGES.getOrDefault(model, 0.0));
  }

  public static double speechPer1k(String model) {
    return SPEECH.getOrDefault(model, 0.0);
  }
}
