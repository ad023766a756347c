package dev.krag.api;

import io.helidon.http.Status;

/** A request the API refuses, with the status and the error body's code and message. */
final class ApiException extends RuntimeException {

  private final transient Status status;
  private final String code;

  ApiException(Status status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  Status status() {
    return status;
  }

  String code() {
    return code;
  }

  static ApiException notFound(String what) {
    return new ApiException(Status.NOT_FOUND_404, "not_found", "no " + what);
  }

  static ApiException badRequest(String code, String message) {
    return new ApiException(Status.BAD_REQUEST_400, code, message);
  }
}
