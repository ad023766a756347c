package dev.krag.api;

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
}
