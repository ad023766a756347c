package dev.krag.stages.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.krag.stages.llm.ProviderDouble;
import dev.krag.stages.llm.ProviderDouble.Reply;
import dev.krag.stages.llm.ProviderDouble.Request;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test double of Replicate's predictions API, since no remote API is reachable here: create
 * ({@code POST /v1/predictions}), get ({@code GET /v1/predictions/{id}}) and cancel ({@code POST
 * /v1/predictions/{id}/cancel}), and the output files. A prediction answers "starting" when
 * created (as one that outlasts the {@code Prefer: wait} does), "processing" while polled, and
 * succeeds (or fails, if told to) on a later poll, its output a PNG of the size asked for. It
 * refuses what the API refuses, as problem details {@code {"title", "detail", "status"}}: a missing
 * or wrong token (401), an unknown version (422), SDXL inputs missing, mistyped or out of range
 * (422), an unknown prediction (404). Files are served under {@code localhost} while the API is
 * {@code 127.0.0.1}, standing in for replicate.delivery, another host than the API's.
 */
public final class FakeReplicate implements AutoCloseable {

  public static final String TOKEN = "r8_test";
  private static final Pattern PREDICTION = Pattern.compile("/v1/predictions/([a-z0-9]+)(/cancel)?");
  private static final Pattern FILE = Pattern.compile("/delivery/([a-z0-9]+)/out-0\\.png");
  private static final Map<String, String> PROBLEM = Map.of("Content-Type", "application/problem+json");

  /** A prediction as the double holds it. */
  private static final class Prediction {
    final String id;
    final JsonNode input;
    int polls;
    String status = "starting";

    Prediction(String id, JsonNode input) {
      this.id = id;
      this.input = input;
    }
  }

  public final List<Request> received = new CopyOnWriteArrayList<>();
  private final Map<String, Prediction> predictions = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final ProviderDouble server;
  private volatile int pollsToEnd = 2;
  private volatile String failure = "";

  public FakeReplicate() throws IOException {
    server = new ProviderDouble(Map.of("/v1/predictions", this::predictions, "/delivery/", this::file));
  }

  public URI baseUrl() {
    return server.root();
  }

  /** Predictions end on this poll (1 for the first). */
  public FakeReplicate endingAfter(int polls) {
    this.pollsToEnd = polls;
    return this;
  }

  /** Predictions end failed, with this error. */
  public FakeReplicate failingWith(String error) {
    this.failure = error;
    return this;
  }

  /** The next request the token lets through gets this reply instead. */
  public FakeReplicate then(Reply reply) {
    server.then(reply);
    return this;
  }

  public static Reply problem(int status, String title, String detail, Map<String, String> headers) {
    Map<String, String> all = new HashMap<>(PROBLEM);
    all.putAll(headers);
    return new Reply(status, all, FakeMedia.json(Map.of("title", title, "detail", detail, "status", status)));
  }

  private void predictions(HttpExchange exchange) throws IOException {
    Request request = Request.read(exchange);
    received.add(request);
    Optional<Reply> refused = refusal(request).or(server::scripted);
    if (refused.isPresent()) {
      ProviderDouble.send(exchange, refused.get());
      return;
    }
    Matcher one = PREDICTION.matcher(request.path());
    if (request.path().equals("/v1/predictions") && request.method().equals("POST")) {
      ProviderDouble.send(exchange, create(request.body()));
    } else if (one.matches() && predictions.containsKey(one.group(1))) {
      Prediction prediction = predictions.get(one.group(1));
      boolean cancel = one.group(2) != null;
      if (request.method().equals(cancel ? "POST" : "GET")) {
        ProviderDouble.send(exchange, new Reply(200, Map.of(), FakeMedia.json(cancel ? cancel(prediction) : poll(prediction))));
      } else {
        ProviderDouble.send(exchange, problem(405, "Method not allowed", "Method \"" + request.method() + "\" not allowed.", Map.of()));
      }
    } else {
      ProviderDouble.send(exchange, problem(404, "Not found", "Not found.", Map.of()));
    }
  }

  private Reply create(JsonNode body) {
    if (body == null || !body.isObject()) {
      return problem(400, "Invalid JSON", "The request body is not valid JSON.", Map.of());
    }
    if (!body.path("version").asText().equals(ReplicateImages.SDXL_VERSION)) {
      return problem(422, "Invalid version or not permitted",
          "The specified version does not exist (or perhaps you don't have permission to use it?)", Map.of());
    }
    List<String> invalid = invalidInput(body.path("input"));
    if (!invalid.isEmpty()) {
      return new Reply(422, PROBLEM, FakeMedia.json(Map.of("title", "Input validation failed", "status", 422,
          "detail", "- " + String.join("\n- ", invalid) + "\n",
          "invalid_fields", invalid.stream().map(i -> Map.of("type", "invalid", "field", i.substring(0, i.indexOf(':')),
              "description", i.substring(i.indexOf(':') + 2))).toList())));
    }
    Prediction prediction = new Prediction("p" + ids.incrementAndGet() + "xq8f3ncg", body.get("input"));
    predictions.put(prediction.id, prediction);
    return new Reply(201, Map.of(), FakeMedia.json(json(prediction)));
  }

  /** SDXL's input schema, as far as krag uses it. */
  private static List<String> invalidInput(JsonNode input) {
    List<String> invalid = new ArrayList<>();
    if (!input.isObject()) {
      return List.of("input: Invalid type. Expected: object, given: " + input.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    if (!input.path("prompt").isTextual()) {
      invalid.add("input.prompt: Invalid type. Expected: string");
    }
    for (String side : List.of("width", "height")) {
      JsonNode value = input.path(side);
      if (!value.isMissingNode() && !value.isInt()) {
        invalid.add("input." + side + ": Invalid type. Expected: integer");
      } else if (value.isInt() && (value.asInt() % 8 != 0 || value.asInt() < 128 || value.asInt() > 2048)) {
        invalid.add("input." + side + ": Must be a multiple of 8 from 128 to 2048");
      }
    }
    JsonNode outputs = input.path("num_outputs");
    if (!outputs.isMissingNode() && !(outputs.isInt() && outputs.asInt() >= 1 && outputs.asInt() <= 4)) {
      invalid.add("input.num_outputs: Must be an integer from 1 to 4");
    }
    return invalid;
  }

  private Map<String, Object> poll(Prediction prediction) {
    synchronized (prediction) {
      if (prediction.status.equals("starting") || prediction.status.equals("processing")) {
        prediction.polls++;
        prediction.status = prediction.polls < pollsToEnd ? "processing" : failure.isEmpty() ? "succeeded" : "failed";
      }
      return json(prediction);
    }
  }

  private Map<String, Object> cancel(Prediction prediction) {
    synchronized (prediction) {
      if (prediction.status.equals("starting") || prediction.status.equals("processing")) {
        prediction.status = "canceled";
      }
      return json(prediction);
    }
  }

  private Map<String, Object> json(Prediction prediction) {
    URI self = server.root().resolve("v1/predictions/" + prediction.id);
    Map<String, Object> answer = new HashMap<>();
    answer.put("id", prediction.id);
    answer.put("model", "stability-ai/sdxl");
    answer.put("version", ReplicateImages.SDXL_VERSION);
    answer.put("input", prediction.input);
    answer.put("status", prediction.status);
    answer.put("logs", "");
    answer.put("data_removed", false);
    answer.put("created_at", "2026-11-20T10:00:00.000Z");
    answer.put("error", prediction.status.equals("failed") ? failure : null);
    answer.put("output", prediction.status.equals("succeeded")
        ? List.of("http://localhost:" + server.port() + "/delivery/" + prediction.id + "/out-0.png") : null);
    answer.put("urls", Map.of("get", self.toString(), "cancel", self + "/cancel",
        "web", "https://replicate.com/p/" + prediction.id));
    return answer;
  }

  private void file(HttpExchange exchange) throws IOException {
    Request request = Request.read(exchange);
    received.add(request);
    Matcher file = FILE.matcher(request.path());
    Prediction prediction = file.matches() ? predictions.get(file.group(1)) : null;
    if (prediction == null || !prediction.status.equals("succeeded")) {
      ProviderDouble.send(exchange, 404, "text/plain", "Not Found".getBytes(StandardCharsets.UTF_8));
      return;
    }
    ProviderDouble.send(exchange, 200, "image/png",
        FakeMedia.png(prediction.input.path("width").asInt(1024), prediction.input.path("height").asInt(1024)));
  }

  private static Optional<Reply> refusal(Request request) {
    String auth = request.header("Authorization");
    if (auth.isEmpty()) {
      return Optional.of(problem(401, "Unauthenticated", "You did not pass an authentication token", Map.of()));
    }
    if (!auth.equals("Bearer " + TOKEN) && !auth.equals("Token " + TOKEN)) {
      return Optional.of(problem(401, "Unauthenticated", "You did not pass a valid authentication token", Map.of()));
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    server.close();
  }
}
