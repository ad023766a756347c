package dev.krag.stages.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.krag.stages.llm.ProviderDouble;
import dev.krag.stages.llm.ProviderDouble.Reply;
import dev.krag.stages.llm.ProviderDouble.Request;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test double of ElevenLabs' text-to-speech API ({@code POST /v1/text-to-speech/{voice_id}}), since
 * no remote API is reachable here. It refuses what the API refuses, in its two error shapes: its
 * own {@code {"detail": {"status", "message"}}} for a missing or wrong {@code xi-api-key} (401), an
 * unknown voice (404) or model (400), and FastAPI's {@code {"detail": [{"type", "loc", "msg"}]}} for
 * a malformed request (422: the text missing or not a string, a voice setting out of its range, an
 * unknown {@code output_format}). It answers raw PCM at the rate the output format names, a tone as
 * long as the text takes to read. MP3 and the other encoded formats are not modelled.
 */
public final class FakeElevenLabs implements AutoCloseable {

  public static final String KEY = "xi-test-key";
  /** George, one of ElevenLabs' premade voices. */
  public static final String VOICE = "JBFqnCBsd6RMkjVDRZzb";
  private static final Pattern PATH = Pattern.compile("/v1/text-to-speech/([^/]+)");
  private static final Pattern PCM = Pattern.compile("pcm_(8000|16000|22050|24000|44100|48000)");
  private static final Set<String> ENCODED = Set.of("mp3_22050_32", "mp3_44100_32", "mp3_44100_64", "mp3_44100_96", "mp3_44100_128",
      "mp3_44100_192", "ulaw_8000", "alaw_8000", "opus_48000_64");
  private static final Set<String> MODELS = Set.of("eleven_multilingual_v2", "eleven_flash_v2_5", "eleven_turbo_v2_5", "eleven_v3");
  /** Each voice setting and the range ElevenLabs takes it in. */
  private static final Map<String, double[]> SETTINGS = Map.of("stability", new double[] {0, 1}, "similarity_boost", new double[] {0, 1},
      "style", new double[] {0, 1}, "speed", new double[] {0.7, 1.2});

  public final List<Request> received = new CopyOnWriteArrayList<>();
  private final ProviderDouble server;

  public FakeElevenLabs() throws IOException {
    server = new ProviderDouble(Map.of("/v1/text-to-speech/", this::speak));
  }

  public URI baseUrl() {
    return server.root();
  }

  /** The next request the key lets through gets this reply instead. */
  public FakeElevenLabs then(Reply reply) {
    server.then(reply);
    return this;
  }

  /** ElevenLabs' own error shape. */
  public static Reply error(int status, String code, String message, Map<String, String> headers) {
    return new Reply(status, headers, FakeMedia.json(Map.of("detail", Map.of("status", code, "message", message))));
  }

  /** FastAPI's validation error, as ElevenLabs answers a malformed request. */
  public static Reply validation(String type, List<Object> loc, String msg) {
    return new Reply(422, Map.of(), FakeMedia.json(Map.of("detail", List.of(Map.of("type", type, "loc", loc, "msg", msg)))));
  }

  private void speak(HttpExchange exchange) throws IOException {
    Request request = Request.read(exchange);
    received.add(request);
    Matcher path = PATH.matcher(request.path());
    if (!request.method().equals("POST") || !path.matches()) {
      ProviderDouble.send(exchange, new Reply(request.method().equals("POST") ? 404 : 405, Map.of(),
          FakeMedia.json(Map.of("detail", request.method().equals("POST") ? "Not Found" : "Method Not Allowed"))));
      return;
    }
    String format = query(request.query(), "output_format").orElse("mp3_44100_128");
    Optional<Reply> refused = refusal(request, path.group(1)).or(server::scripted).or(() -> badRequest(request.body(), format));
    if (refused.isPresent()) {
      ProviderDouble.send(exchange, refused.get());
      return;
    }
    Matcher pcm = PCM.matcher(format);
    if (!pcm.matches()) {
      ProviderDouble.send(exchange, error(400, "unsupported_by_double", "this test double makes pcm only", Map.of()));
      return;
    }
    JsonNode body = request.body();
    ProviderDouble.send(exchange, 200, "audio/pcm", FakeMedia.pcm(body.path("text").asText(),
        body.path("voice_settings").path("speed").asDouble(1.0), Integer.parseInt(pcm.group(1))));
  }

  private static Optional<Reply> refusal(Request request, String voice) {
    String key = request.header("xi-api-key");
    if (key.isEmpty()) {
      return Optional.of(error(401, "needs_authorization",
          "Neither authorization header nor xi-api-key received, please provide one.", Map.of()));
    }
    if (!key.equals(KEY)) {
      return Optional.of(error(401, "invalid_api_key", "Invalid API key", Map.of()));
    }
    if (!voice.equals(VOICE)) {
      return Optional.of(error(404, "voice_not_found", "A voice with the voice_id " + voice + " was not found.", Map.of()));
    }
    return Optional.empty();
  }

  private static Optional<Reply> badRequest(JsonNode body, String format) {
    if (!PCM.matcher(format).matches() && !ENCODED.contains(format)) {
      return Optional.of(validation("enum", List.of("query", "output_format"), "Input should be one of the supported output formats"));
    }
    if (body == null || !body.isObject()) {
      return Optional.of(validation("json_invalid", List.of("body", 0), "JSON decode error"));
    }
    if (!body.has("text")) {
      return Optional.of(validation("missing", List.of("body", "text"), "Field required"));
    }
    if (!body.get("text").isTextual()) {
      return Optional.of(validation("string_type", List.of("body", "text"), "Input should be a valid string"));
    }
    if (body.has("model_id") && !MODELS.contains(body.get("model_id").asText())) {
      return Optional.of(error(400, "model_not_found", "A model with model ID " + body.get("model_id").asText() + " does not exist.",
          Map.of()));
    }
    for (Map.Entry<String, double[]> setting : SETTINGS.entrySet()) {
      JsonNode value = body.path("voice_settings").path(setting.getKey());
      List<Object> loc = List.of("body", "voice_settings", setting.getKey());
      if (!value.isMissingNode() && !value.isNumber()) {
        return Optional.of(validation("float_type", loc, "Input should be a valid number"));
      }
      if (value.isNumber() && value.asDouble() < setting.getValue()[0]) {
        return Optional.of(validation("greater_than_equal", loc, "Input should be greater than or equal to " + setting.getValue()[0]));
      }
      if (value.isNumber() && value.asDouble() > setting.getValue()[1]) {
        return Optional.of(validation("less_than_equal", loc, "Input should be less than or equal to " + setting.getValue()[1]));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> query(String query, String name) {
    for (String pair : query.split("&")) {
      if (pair.startsWith(name + "=")) {
        return Optional.of(pair.substring(name.length() + 1));
      }
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    server.close();
  }
}
