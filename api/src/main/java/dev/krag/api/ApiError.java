package dev.krag.api;

import io.helidon.http.HeaderValues;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.util.Locale;

/** The one error body of the API: {@code {"error": CODE, "message": TEXT}}. */
final class ApiError {

  private ApiError() {}

  /** Helidon's own refusal (no such route, a malformed request), its status kept, in this body. */
  static void send(ServerResponse res, HttpException refused) {
    send(res, refused.status(), refused.status().reasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '_'), refused.getMessage());
  }

  static void send(ServerResponse res, Status status, String code, String message) {
    res.status(status).header(HeaderValues.CONTENT_TYPE_JSON).send(
        "{\"error\":" + Json.quote(code) + ",\"message\":" + Json.quote(message) + "}");
  }
}
