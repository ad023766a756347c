package dev.krag.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/** The API's success bodies: JSON, from a value or a lookup that may have found nothing. */
final class Answers {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Answers() {}

  static void json(ServerResponse res, Status status, Object body) {
    try {
      res.status(status).header(HeaderValues.CONTENT_TYPE_JSON).send(JSON.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("not writable as JSON: " + body, e);
    }
  }

  /** The value found, or the 404 or 503 its lookup calls for. */
  static <T> T found(Lookup<T> lookup, String what) {
    return switch (lookup) {
      case Lookup.Found<T> found -> found.value();
      case Lookup.Missing<T> missing -> throw ApiException.notFound(what);
      case Lookup.Unavailable<T> u -> throw ApiException.unavailable(u.retryAfterSeconds(), u.reason());
    };
  }
}
