package dev.krag.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Debian's chromium, headless, driven over the Chrome DevTools Protocol with the JDK's own
 * WebSocket client: a real browser for the studio's test, with no driver to install.
 */
final class HeadlessChromium implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final WebSocket page;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

  private HeadlessChromium(Process process, URI pageSocket) throws Exception {
    this.process = process;
    this.page = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(pageSocket, new Replies()).get(30, TimeUnit.SECONDS);
  }

  /** A browser with a profile of its own under {@code profile}, its window {@code width} by {@code height}. */
  static HeadlessChromium start(Path profile, int width, int height) throws Exception {
    Files.createDirectories(profile);
    Process process = new ProcessBuilder("chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--no-first-run", "--remote-debugging-port=0", "--remote-allow-origins=*", "--user-data-dir=" + profile,
        "--window-size=" + width + "," + height, "about:blank")
        .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
    Path portFile = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!Files.exists(portFile) || Files.readAllLines(portFile).isEmpty()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IllegalStateException("chromium did not open its debugging port (.ci/run installs Debian's chromium): "
            + Files.readString(profile.resolve("chromium.log")));
      }
      Thread.sleep(100);
    }
    int port = Integer.parseInt(Files.readAllLines(portFile).getFirst().strip());
    HttpResponse<String> targets = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(), HttpResponse.BodyHandlers.ofString());
    for (JsonNode target : JSON.readTree(targets.body())) {
      if (target.path("type").asText().equals("page")) {
        return new HeadlessChromium(process, URI.create(target.get("webSocketDebuggerUrl").asText()));
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException("chromium has no page to drive: " + targets.body());
  }

  /** Opens {@code url} and waits for its document to load. */
  void open(String url) throws Exception {
    call("Page.navigate", Map.of("url", url));
    await("the page at " + url + " to load", () -> "complete".equals(evaluate("document.readyState").asText()), Duration.ofSeconds(30));
  }

  /** The value of a JavaScript expression in the page, promises awaited. */
  JsonNode evaluate(String expression) {
    JsonNode reply = call("Runtime.evaluate", Map.of("expression", expression, "awaitPromise", true, "returnByValue", true));
    if (reply.has("exceptionDetails")) {
      throw new IllegalStateException("the page threw on " + expression + ": " + reply.get("exceptionDetails"));
    }
    return reply.path("result").path("value");
  }

  /** Waits until {@code condition} holds, checking twice a second; fails saying what was awaited. */
  void await(String what, BooleanSupplier condition, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + within + " for " + what + "; the page says: " + evaluate("document.body.innerText").asText());
      }
      Thread.sleep(500);
    }
  }

  /** The whole page as a PNG. */
  void screenshot(Path png) throws IOException {
    JsonNode shot = call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
    Files.createDirectories(png.toAbsolutePath().getParent());
    Files.write(png, Base64.getDecoder().decode(shot.get("data").asText()));
  }

  private JsonNode call(String method, Map<String, Object> params) {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    try {
      page.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true).get(10, TimeUnit.SECONDS);
      JsonNode answer = reply.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (answer.has("error")) {
        throw new IllegalStateException(method + " failed: " + answer.get("error"));
      }
      return answer.get("result");
    } catch (Exception e) {
      throw new IllegalStateException(method + " got no answer: " + e, e);
    } finally {
      pending.remove(id);
    }
  }

  @Override
  public void close() throws InterruptedException {
    page.abort();
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  /** Replies to calls, matched by id; events (messages without one) are not needed here. */
  private final class Replies implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          JsonNode message = JSON.readTree(partial.toString());
          CompletableFuture<JsonNode> waiting = message.has("id") ? pending.get(message.get("id").asInt()) : null;
          if (waiting != null) {
            waiting.complete(message);
          }
        } catch (IOException e) {
          pending.values().forEach(p -> p.completeExceptionally(e));
        }
        partial.setLength(0);
      }
      socket.request(1);
      return null;
    }
  }
}
