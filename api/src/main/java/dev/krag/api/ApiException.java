package dev.krag.api;

import io.helidon.http.Status;
import java.time.Duration;
import java.util.Optional;

/** A request the API refuses, with the status and the error body's code and message. */
final class ApiException extends RuntimeException {

  private final transient Status status;
  private final String code;
  private final transient Duration retryAfter;

  ApiException(Status status, String code, String message) {
    this(status, code, message, null);
  }

  private ApiException(Status status, String code, String message, Duration retryAfter) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
  }

  Status status() {
    return status;
  }

  String code() {
    return code;
  }

  /** When to ask again, for a refusal that passes. */
  Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** 503: the stores cannot answer now (a rebalance); ask again after {@code retryAfterSeconds}. */
  static ApiException unavailable(int retryAfterSeconds, String reason) {
    return new ApiException(Status.SERVICE_UNAVAILABLE_503, "unavailable", reason, Duration.ofSeconds(retryAfterSeconds));
  }

  /** 429: too many requests, or a quota reached; ask again after {@code retryAfter}. */
  static ApiException tooMany(String code, String message, Duration retryAfter) {
    return new ApiException(Status.TOO_MANY_REQUESTS_429, code, message, retryAfter);
  }

  static ApiException notFound(String what) {
    return new ApiException(Status.NOT_FOUND_404, "not_found", "no " + what);
  }

  static ApiException badRequest(String code, String message) {
    return new ApiException(Status.BAD_REQUEST_400, code, message);
  }
}
