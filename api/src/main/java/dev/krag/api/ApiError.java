package dev.krag.api;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/** The one error body of the API: {@code {"error": CODE, "message": TEXT}}. */
final class ApiError {

  private ApiError() {}

  static void send(ServerResponse res, Status status, String code, String message) {
    res.status(status).header(HeaderValues.CONTENT_TYPE_JSON).send(
        "{\"error\":" + Json.quote(code) + ",\"message\":" + Json.quote(message) + "}");
  }

  static void unavailable(ServerResponse res, int retryAfterSeconds, String reason) {
    res.header(HeaderNames.RETRY_AFTER, Integer.toString(retryAfterSeconds));
    send(res, Status.SERVICE_UNAVAILABLE_503, "unavailable", reason);
  }
}
