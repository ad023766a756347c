package dev.krag.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krag.schemas.Role;
import dev.krag.schemas.RunConfig;
import dev.krag.stages.store.LocalAssetStore;
import io.helidon.webserver.WebServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests no client library would send, written byte by byte: each is refused with a 4xx and a
 * reason, never a 5xx or a stack trace.
 */
class HostileInputTest {

  private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.1 (\\d{3})");

  @TempDir Path bucket;
  private final InMemoryPlatform platform = new InMemoryPlatform();
  private String key;
  private WebServer server;

  @BeforeEach
  void start() {
    key = platform.key("mallory", Role.EDITOR);
    server = ApiServer.start("127.0.0.1", 0, new Backend(platform, platform, platform, new LocalAssetStore(bucket),
        RunConfig.newBuilder().build(), 1000, InMemoryPlatform.security()));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void everyOddRequestIsA4xxThatSaysWhyAndNoStackTrace() throws Exception {
    List<String> bodies = List.of("null", "[]", "42", "\"text\"", "{\"text\": null}", "{\"text\": [\"a\"]}", "{\"text\": {\"a\": 1}}",
        "{\"text\": \"\\u0000\"}", "{\"text\": \"a\", \"text\": 1}", "[".repeat(5000), "{\"text\": \"" + "\\ud800" + "\"}", "\u00ff\u00fe");
    for (String body : bodies) {
      assertRefused(post("/api/v1/stories", "application/json", body.getBytes(StandardCharsets.ISO_8859_1)), "a story " + body.substring(0,
          Math.min(40, body.length())));
      assertRefused(post("/api/v1/feedback", "application/json", body.getBytes(StandardCharsets.ISO_8859_1)), "feedback " + body.substring(0,
          Math.min(40, body.length())));
      assertRefused(post("/api/v1/keys", "application/json", body.getBytes(StandardCharsets.ISO_8859_1)), "a key " + body.substring(0,
          Math.min(40, body.length())));
    }
    byte[] random = new byte[4096];
    new Random(7).nextBytes(random);
    assertRefused(post("/api/v1/stories", "application/json", random), "random bytes");
    assertRefused(post("/api/v1/stories/story-x/run", "application/json", "{\"maxIterations\": 1e999}".getBytes(StandardCharsets.UTF_8)),
        "a number past any int");

    for (String path : List.of("/api/v1/runs/%ZZ", "/api/v1/runs/..%2F..%2Fetc%2Fpasswd", "/api/v1/runs/%00", "/api/v1/runs?status=%FF",
        "/api/v1/runs/" + "a".repeat(5000), "/api/v1/stories/%E2%80%AE", "/internal/v1/stores/../../etc/passwd", "/studio/..%2Fpom.xml",
        "/api/v1/runs/run-1/shots/%2e%2e/image")) {
      assertRefused(send("GET " + path + " HTTP/1.1\r\nHost: x\r\nX-API-Key: " + key + "\r\nConnection: close\r\n\r\n"), path);
    }
    assertRefused(send("GET /api/v1/runs HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\nX-API-Key: " + key + "\r\nConnection: close\r\n\r\n"),
        "a Content-Length that is no number");
    assertRefused(send("GET /api/v1/runs HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(70_000) + "\r\nConnection: close\r\n\r\n"),
        "a header of 70 KB");
    assertRefused(send("GET /api/v1/runs HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + "x.".repeat(3000) + "\r\nConnection: close\r\n\r\n"),
        "a token of dots");
    assertRefused(send("GET /api/v1/runs HTTP/1.1\r\nHost: x\r\nX-API-Key: krag_key-\u00e9\r\nConnection: close\r\n\r\n"), "a key not ASCII");
    assertRefused(send("BREW /api/v1/runs HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), "a method HTTP does not have");
    assertRefused(send("DELETE /api/v1/stories HTTP/1.1\r\nHost: x\r\nX-API-Key: " + key + "\r\nConnection: close\r\n\r\n"),
        "a method the route does not take");
    assertRefused(send("GARBAGE\r\n\r\n"), "not HTTP");
  }

  private static void assertRefused(String response, String what) {
    Matcher status = STATUS.matcher(response);
    assertThat(status.find()).as(what + " is answered: " + response).isTrue();
    assertThat(Integer.parseInt(status.group(1))).as(what + ": " + response).isBetween(400, 499);
    assertThat(response).as(what).doesNotContain("Exception", "\tat ");
  }

  private String post(String path, String type, byte[] body) throws IOException {
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.writeBytes(("POST " + path + " HTTP/1.1\r\nHost: x\r\nX-API-Key: " + key + "\r\nContent-Type: " + type
        + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    request.writeBytes(body);
    return send(request.toByteArray());
  }

  private String send(String request) throws IOException {
    return send(request.getBytes(StandardCharsets.ISO_8859_1));
  }

  private String send(byte[] request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      return response(socket.getInputStream());
    }
  }

  /** The status line, headers and body of one response: the body as long as Content-Length says, or to the end. */
  private static String response(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      String text = head.toString(StandardCharsets.ISO_8859_1);
      if (text.endsWith("\r\n\r\n")) {
        Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(text);
        byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : in.readAllBytes();
        return text + new String(body, StandardCharsets.ISO_8859_1);
      }
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }
}
