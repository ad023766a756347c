package dev.krag.stages.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.krag.stages.llm.ProviderDouble;
import dev.krag.stages.llm.ProviderDouble.Reply;
import dev.krag.stages.llm.ProviderDouble.Request;
import java.io.IOException;
import java.net.URI;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test double of OpenAI's image generations ({@code POST /v1/images/generations}) and speech
 * ({@code POST /v1/audio/speech}) endpoints, since no remote API is reachable here. It refuses what
 * the API refuses, in its error shape {@code {"error": {"message", "type", "param", "code"}}}: a
 * missing or wrong key (401), a missing, mistyped, unknown or out-of-range field, such as a size the
 * model does not paint or {@code response_format} sent to gpt-image-1 (400). It answers a picture
 * as a base64 PNG of the size asked for, and speech as 24 kHz PCM as long as the text takes to
 * read. Only gpt-image-1 and dall-e-3 are modelled, and speech only as "pcm".
 */
public final class FakeOpenAiMedia implements AutoCloseable {

  public static final String KEY = "sk-test";

  /** What each image model takes: its fields, sizes, qualities and answer formats (gpt-image-1 has no such field). */
  private record Painter(Set<String> fields, Set<String> sizes, Set<String> qualities, Set<String> formats, int maxN) {}

  private static final Map<String, Painter> PAINTERS = Map.of(
      "gpt-image-1", new Painter(
          Set.of("model", "prompt", "size", "n", "quality", "background", "moderation", "output_format", "output_compression", "user"),
          Set.of("1024x1024", "1536x1024", "1024x1536", "auto"), Set.of("low", "medium", "high", "auto"), Set.of(), 10),
      "dall-e-3", new Painter(Set.of("model", "prompt", "size", "n", "quality", "response_format", "style", "user"),
          Set.of("1024x1024", "1792x1024", "1024x1792"), Set.of("standard", "hd"), Set.of("url", "b64_json"), 1));
  private static final Set<String> SPEECH_FIELDS = Set.of("model", "input", "voice", "response_format", "speed", "instructions");
  private static final Set<String> SPEECH_MODELS = Set.of("tts-1", "tts-1-hd", "gpt-4o-mini-tts");
  private static final Set<String> VOICES = Set.of("alloy", "ash", "ballad", "coral", "echo", "fable", "onyx", "nova", "sage",
      "shimmer", "verse");
  private static final Set<String> AUDIO_FORMATS = Set.of("mp3", "opus", "aac", "flac", "wav", "pcm");
  private static final int MAX_INPUT = 4096;

  public final List<Request> received = new CopyOnWriteArrayList<>();
  private final ProviderDouble server;

  public FakeOpenAiMedia() throws IOException {
    server = new ProviderDouble(Map.of("/v1/images/generations", this::images, "/v1/audio/speech", this::speech));
  }

  /** With its version, as the OpenAI adapters take it. */
  public URI baseUrl() {
    return server.root().resolve("v1/");
  }

  /** The next request the key lets through gets this reply instead. */
  public FakeOpenAiMedia then(Reply reply) {
    server.then(reply);
    return this;
  }

  public static Reply error(int status, String message, String type, String param, String code, Map<String, String> headers) {
    Map<String, Object> error = new HashMap<>();
    error.put("message", message);
    error.put("type", type);
    error.put("param", param);
    error.put("code", code);
    return new Reply(status, headers, FakeMedia.json(Map.of("error", error)));
  }

  private static Reply invalid(String message, String param, String code) {
    return error(400, message, "invalid_request_error", param, code, Map.of());
  }

  private void images(HttpExchange exchange) throws IOException {
    Request request = Request.read(exchange);
    received.add(request);
    Optional<Reply> refused = refusal(request).or(server::scripted).or(() -> badImageRequest(request.body()));
    if (refused.isPresent()) {
      ProviderDouble.send(exchange, refused.get());
      return;
    }
    JsonNode body = request.body();
    String model = body.path("model").asText();
    String size = body.path("size").asText("1024x1024").replace("auto", "1024x1024");
    String[] sides = size.split("x");
    Map<String, Object> picture = model.equals("dall-e-3") && !body.path("response_format").asText("url").equals("b64_json")
        ? Map.of("url", "https://oaidalleapiprodscus.blob.core.windows.net/private/img-test.png",
            "revised_prompt", body.path("prompt").asText())
        : Map.of("b64_json", Base64.getEncoder().encodeToString(FakeMedia.png(Integer.parseInt(sides[0]), Integer.parseInt(sides[1]))));
    Map<String, Object> answer = new HashMap<>(Map.of("created", 1_764_000_000, "data", List.of(picture)));
    if (model.equals("gpt-image-1")) {
      int promptTokens = body.path("prompt").asText().length() / 4;
      answer.put("usage", Map.of("input_tokens", promptTokens, "output_tokens", 1056, "total_tokens", promptTokens + 1056,
          "input_tokens_details", Map.of("text_tokens", promptTokens, "image_tokens", 0)));
    }
    ProviderDouble.send(exchange, new Reply(200, Map.of(), FakeMedia.json(answer)));
  }

  private static Optional<Reply> badImageRequest(JsonNode body) {
    Optional<Reply> shape = notJson(body).or(() -> requiredString(body, "prompt")).or(() -> requiredString(body, "model"));
    if (shape.isPresent()) {
      return shape;
    }
    Painter painter = PAINTERS.get(body.path("model").asText());
    if (painter == null) {
      return Optional.of(invalid("Invalid value for 'model' = " + body.path("model").asText() + ".", "model", "invalid_value"));
    }
    return unknownField(body, painter.fields())
        .or(() -> oneOf(body, "size", painter.sizes()))
        .or(() -> oneOf(body, "quality", painter.qualities()))
        .or(() -> oneOf(body, "response_format", painter.formats()))
        .or(() -> body.has("n") && !(body.get("n").isInt() && body.get("n").asInt() >= 1 && body.get("n").asInt() <= painter.maxN())
            ? Optional.of(invalid("Invalid 'n': must be an integer between 1 and " + painter.maxN() + ".", "n", "invalid_value"))
            : Optional.empty());
  }

  private void speech(HttpExchange exchange) throws IOException {
    Request request = Request.read(exchange);
    received.add(request);
    Optional<Reply> refused = refusal(request).or(server::scripted).or(() -> badSpeechRequest(request.body()));
    if (refused.isPresent()) {
      ProviderDouble.send(exchange, refused.get());
      return;
    }
    JsonNode body = request.body();
    if (!body.path("response_format").asText("mp3").equals("pcm")) {
      ProviderDouble.send(exchange, invalid("this test double speaks pcm only", "response_format", "unsupported_by_double"));
      return;
    }
    ProviderDouble.send(exchange, 200, "audio/pcm",
        FakeMedia.pcm(body.path("input").asText(), body.path("speed").asDouble(1.0), RemoteVoice.SAMPLE_RATE));
  }

  private static Optional<Reply> badSpeechRequest(JsonNode body) {
    return notJson(body)
        .or(() -> unknownField(body, SPEECH_FIELDS))
        .or(() -> requiredString(body, "model"))
        .or(() -> oneOf(body, "model", SPEECH_MODELS))
        .or(() -> requiredString(body, "input"))
        .or(() -> body.path("input").asText().length() > MAX_INPUT
            ? Optional.of(invalid("string too long. Expected a string with maximum length " + MAX_INPUT + ", but got a string with length "
                + body.path("input").asText().length() + " instead.", "input", "string_above_max_length"))
            : Optional.empty())
        .or(() -> requiredString(body, "voice"))
        .or(() -> oneOf(body, "voice", VOICES))
        .or(() -> oneOf(body, "response_format", AUDIO_FORMATS))
        .or(() -> body.has("speed") && !(body.get("speed").isNumber() && body.get("speed").asDouble() >= 0.25
            && body.get("speed").asDouble() <= 4.0)
            ? Optional.of(invalid("Invalid 'speed': must be a number between 0.25 and 4.0.", "speed", "invalid_value"))
            : Optional.empty());
  }

  /** A POST with the right key, or the API's refusal. */
  private static Optional<Reply> refusal(Request request) {
    if (!request.method().equals("POST")) {
      return Optional.of(error(405, "Invalid method for URL (" + request.method() + " " + request.path() + ")",
          "invalid_request_error", null, null, Map.of()));
    }
    String auth = request.header("Authorization");
    if (auth.isEmpty()) {
      return Optional.of(error(401, "You didn't provide an API key. You need to provide your API key in an Authorization header "
          + "using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).", "invalid_request_error", null, null, Map.of()));
    }
    if (!auth.equals("Bearer " + KEY)) {
      return Optional.of(error(401, "Incorrect API key provided: " + auth.replaceFirst("^Bearer ", "") + ".",
          "invalid_request_error", null, "invalid_api_key", Map.of()));
    }
    return Optional.empty();
  }

  private static Optional<Reply> notJson(JsonNode body) {
    return body == null || !body.isObject()
        ? Optional.of(invalid("We could not parse the JSON body of your request.", null, null))
        : Optional.empty();
  }

  private static Optional<Reply> requiredString(JsonNode body, String field) {
    if (!body.has(field)) {
      return Optional.of(invalid("Missing required parameter: '" + field + "'.", field, "missing_required_parameter"));
    }
    String type = body.get(field).getNodeType().name().toLowerCase(Locale.ROOT);
    return body.get(field).isTextual() ? Optional.empty()
        : Optional.of(invalid("Invalid type for '" + field + "': expected a string, but got " + type + " instead.", field, "invalid_type"));
  }

  /** Absent, or one of the values. */
  private static Optional<Reply> oneOf(JsonNode body, String field, Set<String> values) {
    if (!body.has(field) || values.contains(body.get(field).asText())) {
      return Optional.empty();
    }
    return Optional.of(invalid("Invalid value: '" + body.get(field).asText() + "'. Supported values are: " + values + ".", field,
        "invalid_value"));
  }

  private static Optional<Reply> unknownField(JsonNode body, Set<String> known) {
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        return Optional.of(invalid("Unknown parameter: '" + name + "'.", name, "unknown_parameter"));
      }
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    server.close();
  }
}
