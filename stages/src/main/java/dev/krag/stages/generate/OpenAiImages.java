package dev.krag.stages.generate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.krag.stages.cost.Prices;
import dev.krag.stages.llm.HttpJson;
import dev.krag.stages.llm.ProviderException;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenAI's image generations API: gpt-image-1 (at "medium" quality) or dall-e-3 (at "standard"),
 * at whichever of the model's sizes is nearest the frame's aspect, the picture sent back inline
 * as base64.
 */
public final class OpenAiImages implements ImageModel {

  public static final String GPT_IMAGE_1 = "gpt-image-1";
  public static final String DALL_E_3 = "dall-e-3";

  /** What each model paints, and the quality krag asks it for. */
  private record Paints(List<Size> sizes, String quality, int maxPromptChars) {}

  private static final Map<String, Paints> MODELS = Map.of(
      GPT_IMAGE_1, new Paints(List.of(new Size(1536, 1024), new Size(1024, 1536), new Size(1024, 1024)), "medium", 32_000),
      DALL_E_3, new Paints(List.of(new Size(1792, 1024), new Size(1024, 1792), new Size(1024, 1024)), "standard", 4_000));

  private final URI baseUrl;
  private final String apiKey;
  private final String model;
  private final Paints paints;
  private final HttpJson http;

  /** @param baseUrl the API root with its version, ending in a slash (e.g. {@code https://api.openai.com/v1/}) */
  public OpenAiImages(URI baseUrl, String apiKey, String model, HttpJson http) {
    Paints paints = MODELS.get(model);
    if (paints == null) {
      throw new IllegalArgumentException("unknown image model '" + model + "': one of " + MODELS.keySet());
    }
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.model = model;
    this.paints = paints;
    this.http = http;
  }

  @Override
  public String provider() {
    return "openai";
  }

  @Override
  public String model() {
    return model;
  }

  @Override
  public double priceUsd(int frameWidth, int frameHeight) {
    Size size = Size.nearestAspect(paints.sizes(), frameWidth, frameHeight);
    return Prices.image(model, size.width(), size.height());
  }

  @Override
  public BufferedImage generate(String prompt, int frameWidth, int frameHeight) {
    Map<String, Object> body = new HashMap<>(Map.of(
        "model", model,
        // Cut rather than refused: the shot's own prompt comes first, what is cut is the least of it.
        "prompt", prompt.length() <= paints.maxPromptChars() ? prompt : prompt.substring(0, paints.maxPromptChars()),
        "size", Size.nearestAspect(paints.sizes(), frameWidth, frameHeight).toString(),
        "n", 1,
        "quality", paints.quality()));
    if (model.equals(DALL_E_3)) {
      // dall-e-3 answers with a link unless asked for the bytes; gpt-image-1 always sends the bytes and refuses the field.
      body.put("response_format", "b64_json");
    }
    JsonNode answer = http.post(baseUrl.resolve("images/generations"), Map.of("Authorization", "Bearer " + apiKey), body);
    String png = answer.path("data").path(0).path("b64_json").asText("");
    if (png.isEmpty()) {
      throw new ProviderException(200, "openai " + model + " sent no picture");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(png);
    } catch (IllegalArgumentException e) {
      throw new ProviderException(200, "openai " + model + " sent a picture that is not base64: " + e.getMessage(), e);
    }
    return Pictures.decode(bytes, 200, "openai " + model);
  }
}
