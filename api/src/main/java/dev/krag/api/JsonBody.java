package dev.krag.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A request's JSON body read into a record, or refused with a 4xx that says why: too large, not
 * JSON, not UTF-8, a field the record does not have, or one of the wrong type.
 */
final class JsonBody {

  private static final ObjectMapper JSON = strict();

  private JsonBody() {}

  /** Unknown fields, trailing text and a number or boolean where text belongs are all refused, not guessed at. */
  private static ObjectMapper strict() {
    ObjectMapper mapper = new ObjectMapper()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
      mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
    }
    return mapper;
  }

  /** The body as {@code type}; an absent body reads as {@code {}} when {@code optional}. */
  static <T> T read(ServerRequest req, Class<T> type, int maxBytes, boolean optional) {
    byte[] bytes = bytes(req, maxBytes);
    if (bytes.length == 0 && optional) {
      bytes = "{}".getBytes(StandardCharsets.UTF_8);
    } else if (!req.headers().contentType().map(JsonBody::utf8Json).orElse(false)) {
      throw new ApiException(Status.UNSUPPORTED_MEDIA_TYPE_415, "unsupported_media_type", "send the body as application/json in UTF-8");
    }
    return parse(utf8(bytes), type);
  }

  /** JSON, and in UTF-8 (RFC 8259: a charset other than UTF-8 is one krag would misread). */
  private static boolean utf8Json(HttpMediaType type) {
    return type.mediaType().subtype().equals("json") && type.charset().map(c -> c.equalsIgnoreCase("utf-8")).orElse(true);
  }

  /** JSON text as {@code type}, with the same refusals as a body. */
  static <T> T parse(String text, Class<T> type) {
    try {
      T value = JSON.readValue(text, type);
      if (value == null) {
        throw ApiException.badRequest("bad_json", "the body is a JSON object, not null");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw ApiException.badRequest("unknown_field", "unknown field '" + e.getPropertyName() + "'; the fields are "
          + e.getKnownPropertyIds());
    } catch (JsonMappingException e) {
      throw ApiException.badRequest("bad_field", "a field has the wrong type or is missing: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiException.badRequest("bad_json", "the body is not JSON");
    }
  }

  /**
   * A 400 unless {@code value} is well-formed Unicode: JSON may escape half of a surrogate pair
   * ({@code "\ud800"}), which no UTF-8 text can hold and which would be stored as a question mark.
   */
  static String unicode(String value, String field) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
      if (paired) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw ApiException.badRequest("bad_" + field, "the " + field + " holds half of a surrogate pair, which is not Unicode");
      }
    }
    return value;
  }

  private static byte[] bytes(ServerRequest req, int maxBytes) {
    long declared = req.headers().value(HeaderNames.CONTENT_LENGTH).map(Long::parseLong).orElse(-1L);
    if (declared > maxBytes) {
      throw tooLarge(maxBytes);
    }
    try (InputStream in = req.content().inputStream()) {
      byte[] bytes = in.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw tooLarge(maxBytes);
      }
      return bytes;
    } catch (IOException e) {
      throw ApiException.badRequest("unreadable_body", "the body could not be read");
    }
  }

  private static ApiException tooLarge(int maxBytes) {
    return new ApiException(Status.REQUEST_ENTITY_TOO_LARGE_413, "too_large", "the body is over " + maxBytes + " bytes");
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw ApiException.badRequest("not_utf8", "the body is not UTF-8 text");
    }
  }
}
