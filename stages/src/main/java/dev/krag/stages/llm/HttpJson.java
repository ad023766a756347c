package dev.krag.stages.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON over HTTPS to a provider, with the platform's retry policy: a per-call timeout, and on a
 * rate limit, a timeout or a server error another try after an exponential backoff with jitter,
 * or after the provider's {@code Retry-After} when it sends one. Other refusals fail at once with
 * the provider's own message. Headers (which carry keys) are never logged.
 */
public final class HttpJson {

  private static final Logger LOG = LoggerFactory.getLogger(HttpJson.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @param attempts tries in all, the first included
   * @param firstBackoff the wait before the second try; each later wait doubles, up to {@code maxBackoff}
   */
  public record Policy(Duration timeout, int attempts, Duration firstBackoff, Duration maxBackoff) {

    /** The platform spec's LLM defaults: 60 s per call, 3 tries. */
    public static final Policy DEFAULT = new Policy(Duration.ofSeconds(60), 3, Duration.ofSeconds(1), Duration.ofSeconds(30));
  }

  /** Waits between tries; tests pass one that does not sleep. */
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final HttpClient client;
  private final Policy policy;
  private final Sleeper sleeper;
  private final DoubleSupplier jitter;

  public HttpJson(Policy policy) {
    this(policy, d -> Thread.sleep(d), Math::random);
  }

  HttpJson(Policy policy, Sleeper sleeper, DoubleSupplier jitter) {
    this.client = HttpClient.newBuilder().connectTimeout(policy.timeout()).build();
    this.policy = policy;
    this.sleeper = sleeper;
    this.jitter = jitter;
  }

  public JsonNode post(URI uri, Map<String, String> headers, Object body) {
    String json;
    try {
      json = JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("request body is not JSON-serialisable", e);
    }
    for (int attempt = 1; ; attempt++) {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(policy.timeout())
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
      headers.forEach(request::header);
      Optional<Duration> retryAfter = Optional.empty();
      ProviderException failure;
      try {
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 == 2) {
          return JSON.readTree(response.body());
        }
        failure = new ProviderException(response.statusCode(), uri.getHost() + " answered " + response.statusCode() + ": "
            + errorMessage(response.body()));
        retryAfter = response.headers().firstValue("Retry-After").flatMap(this::seconds);
      } catch (IOException e) {
        failure = new ProviderException(0, uri.getHost() + " unreachable: " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ProviderException(0, "interrupted while calling " + uri.getHost(), e);
      }
      if (!failure.retriable() || attempt >= policy.attempts()) {
        throw failure;
      }
      Duration wait = retryAfter.isPresent() ? retryAfter.get() : backoff(attempt);
      LOG.warn("{} (try {} of {}), retrying in {} ms", failure.getMessage(), attempt, policy.attempts(), wait.toMillis());
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ProviderException(0, "interrupted while waiting to retry " + uri.getHost(), e);
      }
    }
  }

  /** Half the exponential step fixed, half random, so that many clients do not retry in step. */
  Duration backoff(int attempt) {
    long step = Math.min(policy.maxBackoff().toMillis(), policy.firstBackoff().toMillis() << (attempt - 1));
    return Duration.ofMillis(step / 2 + (long) (jitter.getAsDouble() * step / 2));
  }

  private Optional<Duration> seconds(String header) {
    try {
      long s = Long.parseLong(header.strip());
      return Optional.of(Duration.ofSeconds(Math.min(s, policy.maxBackoff().toSeconds())));
    } catch (NumberFormatException e) {
      return Optional.empty(); // an HTTP date: fall back to our own backoff
    }
  }

  private static String errorMessage(String body) {
    try {
      JsonNode error = JSON.readTree(body).path("error");
      String message = error.isTextual() ? error.asText() : error.path("message").asText("");
      return message.isEmpty() ? abbreviate(body) : message;
    } catch (IOException e) {
      return abbreviate(body);
    }
  }

  private static String abbreviate(String body) {
    return body.length() <= 200 ? body : body.substring(0, 200) + "…";
  }
}
