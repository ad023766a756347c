package dev.krag.stages.generate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.krag.stages.cost.Prices;
import dev.krag.stages.llm.HttpJson;
import dev.krag.stages.llm.ProviderException;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stable Diffusion XL on Replicate: a prediction is created and waited for (held open by the API
 * for a while, then polled), and its output file fetched. A prediction that fails or is cancelled
 * fails the picture with Replicate's error; one still running at the deadline is cancelled, so it
 * is not billed further.
 */
public final class ReplicateImages implements ImageModel {

  private static final Logger LOG = LoggerFactory.getLogger(ReplicateImages.class);

  /** The public stability-ai/sdxl version. */
  public static final String SDXL_VERSION = "7762fd07cf82c948538e41f63f77d685e02b063e37e496e96eefd46c929f9bdc";
  /** The key of SDXL's price, whichever version runs. */
  private static final String SDXL = "sdxl";
  /** SDXL paints best near the 1024 x 1024 pixels it was trained at, in sides that are multiples of 8. */
  private static final double PIXELS = 1024 * 1024;
  private static final int SIDE_STEP = 8;

  private final URI baseUrl;
  private final String token;
  private final String version;
  private final HttpJson http;
  private final Duration pollInterval;

  /** How often a prediction still running is asked about: SDXL takes some seconds. */
  public static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

  /** SDXL's public version, polled every {@link #POLL_INTERVAL}. */
  public ReplicateImages(URI baseUrl, String token, HttpJson http) {
    this(baseUrl, token, SDXL_VERSION, http, POLL_INTERVAL);
  }

  /**
   * @param baseUrl the API root, ending in a slash (e.g. {@code https://api.replicate.com/})
   * @param version a version of an SDXL model: its inputs are SDXL's
   */
  public ReplicateImages(URI baseUrl, String token, String version, HttpJson http, Duration pollInterval) {
    this.baseUrl = baseUrl;
    this.token = token;
    this.version = version;
    this.http = http;
    this.pollInterval = pollInterval;
  }

  @Override
  public String provider() {
    return "replicate";
  }

  /** "sdxl:" and the version's first 8 characters, as Replicate shows it: another version paints other pictures. */
  @Override
  public String model() {
    return SDXL + ":" + version.substring(0, Math.min(8, version.length()));
  }

  @Override
  public double priceUsd(int frameWidth, int frameHeight) {
    Size size = size(frameWidth, frameHeight);
    return Prices.image(SDXL, size.width(), size.height());
  }

  /** About {@link #PIXELS} in all, at the frame's aspect. */
  static Size size(int frameWidth, int frameHeight) {
    double aspect = frameWidth / (double) frameHeight;
    return new Size(side(Math.sqrt(PIXELS * aspect)), side(Math.sqrt(PIXELS / aspect)));
  }

  private static int side(double pixels) {
    return (int) Math.max(SIDE_STEP, Math.round(pixels / SIDE_STEP) * SIDE_STEP);
  }

  @Override
  public BufferedImage generate(String prompt, int frameWidth, int frameHeight) {
    Size size = size(frameWidth, frameHeight);
    JsonNode prediction = http.post(baseUrl.resolve("v1/predictions"), Map.of("Authorization", "Bearer " + token,
        // Held open for less than our timeout, so Replicate answers before we give up and create the prediction twice.
        "Prefer", "wait=" + Math.clamp(http.policy().timeout().toSeconds() / 2, 1, 60)), Map.of(
        "version", version,
        "input", Map.of("prompt", prompt, "width", size.width(), "height", size.height(), "num_outputs", 1)));
    prediction = awaitEnd(prediction);
    String status = prediction.path("status").asText();
    if (!status.equals("succeeded")) {
      // The calls went well (hence a 200): the model failed, and trying it again is not known to help.
      throw new ProviderException(200, "replicate prediction " + prediction.path("id").asText() + " " + status + ": "
          + prediction.path("error").asText("no error given"));
    }
    JsonNode output = prediction.path("output");
    String file = (output.isArray() ? output.path(0) : output).asText("");
    if (file.isEmpty()) {
      throw new ProviderException(200, "replicate prediction " + prediction.path("id").asText() + " succeeded without output");
    }
    URI uri = URI.create(file);
    return Pictures.decode(http.getBytes(uri, auth(uri)), 200, "replicate " + model());
  }

  /** The prediction once it has succeeded, failed or been cancelled, polled until then or the deadline. */
  private JsonNode awaitEnd(JsonNode prediction) {
    long deadline = System.nanoTime() + http.policy().timeout().toNanos();
    while (!ended(prediction)) {
      if (System.nanoTime() > deadline) {
        cancel(prediction);
        throw new ProviderException(0, "replicate prediction " + prediction.path("id").asText() + " still "
            + prediction.path("status").asText() + " after " + http.policy().timeout().toSeconds() + " s");
      }
      try {
        Thread.sleep(pollInterval);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ProviderException(0, "interrupted while waiting for replicate prediction " + prediction.path("id").asText(), e);
      }
      URI poll = URI.create(prediction.path("urls").path("get")
          .asText(baseUrl.resolve("v1/predictions/" + prediction.path("id").asText()).toString()));
      prediction = http.get(poll, auth(poll));
    }
    return prediction;
  }

  private static boolean ended(JsonNode prediction) {
    String status = prediction.path("status").asText();
    return status.equals("succeeded") || status.equals("failed") || status.equals("canceled");
  }

  /** Asked, not insisted on: the deadline's failure is what the caller needs to hear. */
  private void cancel(JsonNode prediction) {
    String cancel = prediction.path("urls").path("cancel").asText("");
    if (cancel.isEmpty()) {
      return;
    }
    try {
      URI uri = URI.create(cancel);
      http.post(uri, auth(uri), Map.of());
    } catch (ProviderException e) {
      LOG.warn("replicate prediction {} could not be cancelled: {}", prediction.path("id").asText(), e.getMessage());
    }
  }

  /**
   * The token for Replicate's API only: output files are served from another host
   * (replicate.delivery) that needs none, and a key is never sent where it is not needed.
   */
  private Map<String, String> auth(URI uri) {
    boolean api = Objects.equals(uri.getHost(), baseUrl.getHost()) && uri.getPort() == baseUrl.getPort();
    return api ? Map.of("Authorization", "Bearer " + token) : Map.of();
  }
}
