package dev.krag.stages.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTPS to a provider, JSON in and JSON or bytes (a picture, audio) out, with the platform's retry
 * policy: a per-call timeout, and on a rate limit, a timeout or a server error another try after an
 * exponential backoff with jitter, or after the provider's {@code Retry-After} when it sends one.
 * Other refusals fail at once with the provider's own message. Headers (which carry keys) are
 * never logged. Guarded by its provider's {@link ProviderGuard}, a call with all its tries takes one
 * of the provider's turns and counts once for or against its circuit.
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

  /** Turns a successful answer's body into the result; a body it cannot read counts as a failed try. */
  private interface BodyReader<T> {
    T read(byte[] body) throws IOException;
  }

  private final HttpClient client;
  private final Policy policy;
  private final Sleeper sleeper;
  private final DoubleSupplier jitter;
  private final Optional<ProviderGuard> guard;

  public HttpJson(Policy policy) {
    this(policy, d -> Thread.sleep(d), Math::random);
  }

  HttpJson(Policy policy, Sleeper sleeper, DoubleSupplier jitter) {
    this(HttpClient.newBuilder().connectTimeout(policy.timeout()).build(), policy, sleeper, jitter, Optional.empty());
  }

  private HttpJson(HttpClient client, Policy policy, Sleeper sleeper, DoubleSupplier jitter, Optional<ProviderGuard> guard) {
    this.client = client;
    this.policy = policy;
    this.sleeper = sleeper;
    this.jitter = jitter;
    this.guard = guard;
  }

  /** The same client and policy, its calls behind one provider's guard. */
  public HttpJson guardedBy(ProviderGuard providerGuard) {
    return new HttpJson(client, policy, sleeper, jitter, Optional.of(providerGuard));
  }

  public Policy policy() {
    return policy;
  }

  public JsonNode post(URI uri, Map<String, String> headers, Object body) {
    return call(uri, headers, Optional.of(json(body)), JSON::readTree);
  }

  /** A JSON request whose answer is not JSON: a picture, or audio. */
  public byte[] postForBytes(URI uri, Map<String, String> headers, Object body) {
    return call(uri, headers, Optional.of(json(body)), bytes -> bytes);
  }

  public JsonNode get(URI uri, Map<String, String> headers) {
    return call(uri, headers, Optional.empty(), JSON::readTree);
  }

  public byte[] getBytes(URI uri, Map<String, String> headers) {
    return call(uri, headers, Optional.empty(), bytes -> bytes);
  }

  private static String json(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("request body is not JSON-serialisable", e);
    }
  }

  private <T> T call(URI uri, Map<String, String> headers, Optional<String> json, BodyReader<T> reader) {
    return guard.isPresent() ? guard.get().call(() -> tries(uri, headers, json, reader)) : tries(uri, headers, json, reader);
  }

  /** A POST of {@code json} when there is one, else a GET, tried as the policy says. */
  private <T> T tries(URI uri, Map<String, String> headers, Optional<String> json, BodyReader<T> reader) {
    for (int attempt = 1; ; attempt++) {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(policy.timeout());
      json.ifPresentOrElse(
          body -> request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)),
          request::GET);
      headers.forEach(request::header);
      Optional<Duration> retryAfter = Optional.empty();
      ProviderException failure;
      try {
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 == 2) {
          return reader.read(response.body());
        }
        failure = new ProviderException(response.statusCode(), uri.getHost() + " answered " + response.statusCode() + ": "
            + errorMessage(new String(response.body(), StandardCharsets.UTF_8)));
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

  /**
   * The provider's own words from an error body: {@code {"error": "..."}} or {@code {"error":
   * {"message"}}} (OpenAI, Anthropic), {@code {"detail": {"status", "message"}}} (ElevenLabs),
   * {@code {"detail": "..."}} (Replicate's problem details), or {@code {"detail": [{"loc", "msg"}]}}
   * (a FastAPI validation error, as ElevenLabs answers a malformed request).
   */
  private static String errorMessage(String body) {
    try {
      JsonNode answer = JSON.readTree(body);
      String message = words(answer.path("error"));
      if (message.isEmpty()) {
        message = words(answer.path("detail"));
      }
      return message.isEmpty() ? abbreviate(body) : message;
    } catch (IOException e) {
      return abbreviate(body);
    }
  }

  private static String words(JsonNode error) {
    if (error.isTextual()) {
      return error.asText();
    }
    if (error.isArray()) {
      return StreamSupport.stream(error.spliterator(), false)
          .map(e -> StreamSupport.stream(e.path("loc").spliterator(), false).map(JsonNode::asText).collect(Collectors.joining("."))
              + ": " + e.path("msg").asText())
          .collect(Collectors.joining("; "));
    }
    return error.path("message").asText("");
  }

  private static String abbreviate(String body) {
    return body.length() <= 200 ? body : body.substring(0, 200) + "…";
  }
}
