package dev.krag.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.krag.schemas.Role;
import dev.krag.schemas.Run;
import dev.krag.schemas.RunConfig;
import dev.krag.schemas.RunStatus;
import dev.krag.schemas.Stage;
import dev.krag.stages.store.LocalAssetStore;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may do what: credentials (API keys, HS256 and RS256 JWTs), roles, and owners seeing only their own work. */
class ApiSecurityTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "a shared secret of at least thirty-two bytes";

  @TempDir Path bucket;
  private final HttpClient http = HttpClient.newHttpClient();
  private final InMemoryPlatform platform = new InMemoryPlatform();
  private KeyPair issuer;
  private WebServer server;

  @BeforeEach
  void start() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    issuer = rsa.generateKeyPair();
    String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(issuer.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
    platform.runs.put("run-alice", run("run-alice", "alice"));
    platform.runs.put("run-bob", run("run-bob", "bob"));
    server = start(new Security(new JwtVerifier.JwtSettings("https://id.example", "krag-api", Optional.of(SECRET), Optional.of(pem)),
        new LocalRateLimiter(new RateLimit(600, 60)), new Quotas(2, 1.0)));
  }

  private WebServer start(Security security) {
    return ApiServer.start("127.0.0.1", 0, new Backend(platform, platform, platform, new LocalAssetStore(bucket),
        RunConfig.newBuilder().build(), 1000, security));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void withoutACredentialTheApiAnswers401AndSaysHowToAuthenticate() throws Exception {
    HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri("/api/v1/runs/run-alice")));

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("www-authenticate")).hasValue("Bearer realm=\"krag\"");
    assertThat(JSON.readTree(anonymous.body()).get("error").asText()).isEqualTo("unauthenticated");
    assertThat(send(HttpRequest.newBuilder(uri("/health/live"))).statusCode()).as("health is open").isEqualTo(200);
    assertThat(send(HttpRequest.newBuilder(uri("/openapi"))).statusCode()).as("so is the API's document").isEqualTo(200);
    assertThat(status("Basic YWxpY2U6c2VjcmV0")).isEqualTo(401);
  }

  @Test
  void aJwtIsTakenOnlyWhenItsSignatureIssuerAudienceAndTimesCheckOut() throws Exception {
    long now = Instant.now().getEpochSecond();
    assertThat(status("Bearer " + hs256(claims("alice", "viewer", now + 60)))).isEqualTo(200);
    assertThat(status("Bearer " + rs256(issuer.getPrivate(), claims("alice", "viewer", now + 60)))).isEqualTo(200);

    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    assertThat(status("Bearer " + rs256(rsa.generateKeyPair().getPrivate(), claims("alice", "viewer", now + 60))))
        .as("signed by another key").isEqualTo(401);
    String good = hs256(claims("alice", "viewer", now + 60));
    assertThat(status("Bearer " + tampered(good, 'A', 'B'))).as("a bad signature").isEqualTo(401);
    assertThat(status("Bearer " + hs256(claims("alice", "viewer", now - 120)))).as("expired").isEqualTo(401);
    Map<String, Object> otherAudience = claims("alice", "viewer", now + 60);
    otherAudience.put("aud", "another-api");
    assertThat(status("Bearer " + hs256(otherAudience))).as("for another audience").isEqualTo(401);
    Map<String, Object> otherIssuer = claims("alice", "viewer", now + 60);
    otherIssuer.put("iss", "https://evil.example");
    assertThat(status("Bearer " + hs256(otherIssuer))).as("from another issuer").isEqualTo(401);
    Map<String, Object> early = claims("alice", "viewer", now + 600);
    early.put("nbf", now + 300);
    assertThat(status("Bearer " + hs256(early))).as("not valid yet").isEqualTo(401);
    Map<String, Object> forever = claims("alice", "viewer", now);
    forever.remove("exp");
    assertThat(status("Bearer " + hs256(forever))).as("without an expiry").isEqualTo(401);
    String unsigned = part(Map.of("alg", "none", "typ", "JWT")) + "." + part(claims("alice", "admin", now + 60)) + ".";
    assertThat(status("Bearer " + unsigned)).as("alg none").isEqualTo(401);
    assertThat(status("Bearer not-a-token")).isEqualTo(401);
  }

  @Test
  void anotherOwnersRunsAndStoriesAreNotThereButAnAdminSeesAll() throws Exception {
    String alice = platform.key("alice", Role.EDITOR);
    String bob = platform.key("bob", Role.EDITOR);

    assertThat(withKey(alice, "/api/v1/runs/run-bob").statusCode()).isEqualTo(404);
    assertThat(withKey(alice, "/api/v1/runs/run-bob/output").statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(withKey(alice, "/api/v1/runs").body())).extracting(r -> r.get("runId").asText()).containsExactly("run-alice");
    HttpResponse<String> feedback = post(alice, "/api/v1/feedback", "{\"runId\": \"run-bob\", \"shotId\": \"s\", \"action\": \"approve\"}");
    assertThat(feedback.statusCode()).as("no feedback on another's run").isEqualTo(404);

    String story = "{\"text\": \"A fox met a cat.\"}";
    String aliceStory = JSON.readTree(post(alice, "/api/v1/stories", story).body()).get("storyId").asText();
    String bobStory = JSON.readTree(post(bob, "/api/v1/stories", story).body()).get("storyId").asText();
    assertThat(bobStory).as("the same text is a story of each owner's own").isNotEqualTo(aliceStory);
    assertThat(withKey(bob, "/api/v1/stories/" + aliceStory).statusCode()).isEqualTo(404);
    assertThat(post(bob, "/api/v1/stories/" + aliceStory + "/run", "").statusCode()).isEqualTo(404);
    String runId = JSON.readTree(post(alice, "/api/v1/stories/" + aliceStory + "/run", "").body()).get("runId").asText();
    assertThat(platform.requested).singleElement().satisfies(r -> assertThat(r.getOwner()).isEqualTo("alice"));
    assertThat(withKey(alice, "/api/v1/runs/" + runId).statusCode()).as("a run asked for is readable at once").isEqualTo(200);

    String admin = platform.key("root", Role.ADMIN);
    assertThat(JSON.readTree(withKey(admin, "/api/v1/runs").body())).extracting(r -> r.get("runId").asText())
        .contains("run-alice", "run-bob", runId);
    assertThat(withKey(admin, "/api/v1/stories/" + bobStory).statusCode()).isEqualTo(200);
  }

  @Test
  void eachRoleDoesWhatItMayAndIs403ForMore() throws Exception {
    String viewer = platform.key("alice", Role.VIEWER);
    String editor = platform.key("alice", Role.EDITOR);

    assertThat(withKey(viewer, "/api/v1/runs/run-alice").statusCode()).isEqualTo(200);
    HttpResponse<String> posted = post(viewer, "/api/v1/stories", "{\"text\": \"A fox.\"}");
    assertThat(posted.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(posted.body()).get("error").asText()).isEqualTo("forbidden");
    assertThat(post(editor, "/api/v1/stories", "{\"text\": \"A fox.\"}").statusCode()).isEqualTo(201);
    assertThat(post(editor, "/api/v1/keys", "{\"principal\": \"carol\"}").statusCode()).as("keys are for admins").isEqualTo(403);
    assertThat(withKey(editor, "/api/v1/keys").statusCode()).isEqualTo(403);
    long now = Instant.now().getEpochSecond();
    assertThat(status("Bearer " + hs256(claims("alice", "emperor", now + 60)))).as("a role krag does not know").isEqualTo(401);
  }

  @Test
  void anAdminMakesKeysThatWorkAtOnceListsThemWithoutSecretsAndRevokesThem() throws Exception {
    String admin = platform.key("root", Role.ADMIN);

    HttpResponse<String> made = post(admin, "/api/v1/keys", "{\"principal\": \"svc-ingest\", \"role\": \"editor\"}");
    assertThat(made.statusCode()).isEqualTo(201);
    JsonNode key = JSON.readTree(made.body());
    String token = key.get("key").asText();
    assertThat(post(token, "/api/v1/stories", "{\"text\": \"A fox.\"}").statusCode()).isEqualTo(201);
    assertThat(platform.keys.get(key.get("keyId").asText()).getSecretHash()).as("kept hashed")
        .doesNotContain(ApiKeyToken.parse(token).orElseThrow().secret());

    HttpResponse<String> listed = withKey(admin, "/api/v1/keys");
    assertThat(listed.body()).contains(key.get("keyId").asText()).doesNotContain("secretHash").doesNotContain(token);

    HttpResponse<String> revoked = send(HttpRequest.newBuilder(uri("/api/v1/keys/" + key.get("keyId").asText())).header("X-API-Key", admin)
        .DELETE());
    assertThat(revoked.statusCode()).isEqualTo(204);
    HttpResponse<String> refused = withKey(token, "/api/v1/runs");
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).contains("revoked");
    assertThat(withKey(tampered(admin, '0', '1'), "/api/v1/runs").statusCode()).as("a wrong secret").isEqualTo(401);
    assertThat(post(admin, "/api/v1/keys", "{\"principal\": \"svc\", \"role\": \"emperor\"}").statusCode()).isEqualTo(400);
    assertThat(post(admin, "/api/v1/keys", "{\"principal\": \"a b\"}").statusCode()).as("a principal with a space").isEqualTo(400);
    assertThat(send(HttpRequest.newBuilder(uri("/api/v1/keys/key-0000000000000000")).header("X-API-Key", admin).DELETE()).statusCode())
        .as("revoking a key there is not").isEqualTo(404);
  }

  @Test
  void aPrincipalAskingTooFastIs429WithRetryAfterWhileOthersGoOn() throws Exception {
    server.stop();
    server = start(new Security(InMemoryPlatform.NO_JWTS, new LocalRateLimiter(new RateLimit(6, 3)), new Quotas(2, 1.0)));
    String alice = platform.key("alice", Role.VIEWER);

    for (int i = 0; i < 3; i++) {
      assertThat(withKey(alice, "/api/v1/runs/run-alice").statusCode()).as("request %d of the burst", i + 1).isEqualTo(200);
    }
    HttpResponse<String> limited = withKey(alice, "/api/v1/runs/run-alice");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(JSON.readTree(limited.body()).get("error").asText()).isEqualTo("rate_limited");
    assertThat(limited.headers().firstValue("retry-after")).as("one token a 10 s").hasValueSatisfying(
        s -> assertThat(Integer.parseInt(s)).isBetween(1, 10));
    assertThat(withKey(platform.key("bob", Role.VIEWER), "/api/v1/runs").statusCode()).as("bob has a bucket of his own").isEqualTo(200);
  }

  @Test
  void requestsWithoutACredentialAreLimitedByTheirAddressWhilePrincipalsGoOn() throws Exception {
    server.stop();
    server = start(new Security(InMemoryPlatform.NO_JWTS, new LocalRateLimiter(new RateLimit(6, 3)), new Quotas(2, 1.0)));

    assertThat(send(HttpRequest.newBuilder(uri("/api/v1/runs"))).statusCode()).as("no credential").isEqualTo(401);
    assertThat(withKey("krag_key-0000000000000000_guess", "/api/v1/runs").statusCode()).as("a guessed key").isEqualTo(401);
    assertThat(withKey("not a key at all", "/api/v1/runs").statusCode()).isEqualTo(401);
    HttpResponse<String> limited = send(HttpRequest.newBuilder(uri("/api/v1/runs")));
    assertThat(limited.statusCode()).as("the address's fourth refusal in a burst of three").isEqualTo(429);
    assertThat(JSON.readTree(limited.body()).get("error").asText()).isEqualTo("rate_limited");
    assertThat(limited.headers().firstValue("retry-after")).isPresent();
    assertThat(withKey(platform.key("alice", Role.VIEWER), "/api/v1/runs").statusCode()).as("a principal from the same address")
        .isEqualTo(200);
  }

  @Test
  void aRunPastAQuotaIsRefusedBeforeAnyWorkStarts() throws Exception {
    String alice = platform.key("alice", Role.EDITOR);
    String story = JSON.readTree(post(alice, "/api/v1/stories", "{\"text\": \"A fox met a cat.\"}").body()).get("storyId").asText();

    assertThat(post(alice, "/api/v1/stories/" + story + "/run", "").statusCode()).as("alice's second run going").isEqualTo(202);
    HttpResponse<String> third = post(alice, "/api/v1/stories/" + story + "/run", "");
    assertThat(third.statusCode()).as("two at a time").isEqualTo(429);
    assertThat(JSON.readTree(third.body()).get("error").asText()).isEqualTo("quota_exceeded");
    assertThat(third.headers().firstValue("retry-after")).isPresent();
    assertThat(platform.requested).hasSize(1);

    platform.runs.replaceAll((id, run) -> Run.newBuilder(run).setStatus(RunStatus.COMPLETED).setCostUsd(0.6)
        .setCreatedAt(System.currentTimeMillis()).build());
    HttpResponse<String> overBudget = post(alice, "/api/v1/stories/" + story + "/run", "");
    assertThat(overBudget.statusCode()).as("$1.20 spent today of $1.00").isEqualTo(429);
    assertThat(JSON.readTree(overBudget.body()).get("message").asText()).contains("$1.20", "$1.00");
    String bob = platform.key("bob", Role.EDITOR);
    String bobs = JSON.readTree(post(bob, "/api/v1/stories", "{\"text\": \"A fox met a cat.\"}").body()).get("storyId").asText();
    assertThat(post(bob, "/api/v1/stories/" + bobs + "/run", "").statusCode()).as("bob's quotas are his own").isEqualTo(202);
  }

  @Test
  void eachRunGetsTheLeastOfItsOwnBudgetAndWhatTheDayHasLeftOnceRunsGoingKeepTheirs() throws Exception {
    String alice = platform.key("alice", Role.EDITOR);
    String story = JSON.readTree(post(alice, "/api/v1/stories", "{\"text\": \"A fox met a cat.\"}").body()).get("storyId").asText();

    HttpResponse<String> negative = post(alice, "/api/v1/stories/" + story + "/run", "{\"maxCostUsd\": -1}");
    assertThat(negative.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(negative.body()).get("message").asText()).contains("maxCostUsd");

    platform.runs.replaceAll((id, run) -> Run.newBuilder(run).setStatus(RunStatus.COMPLETED).build());
    assertThat(post(alice, "/api/v1/stories/" + story + "/run", "{\"maxCostUsd\": 0.3}").statusCode()).isEqualTo(202);
    assertThat(post(alice, "/api/v1/stories/" + story + "/run", "{\"maxCostUsd\": 5}").statusCode()).isEqualTo(202);
    assertThat(platform.requested).extracting(r -> r.getConfig().getMaxCostUsd())
        .as("$1.00 a day: the first run keeps $0.30 back while it goes").containsExactly(0.3, 0.7);

    server.stop();
    server = ApiServer.start("127.0.0.1", 0, new Backend(platform, platform, platform, new LocalAssetStore(bucket),
        RunConfig.newBuilder().setMaxCostUsd(0.1).build(), 1000, InMemoryPlatform.security()));
    platform.runs.replaceAll((id, run) -> Run.newBuilder(run).setStatus(RunStatus.COMPLETED).build());
    assertThat(post(alice, "/api/v1/stories/" + story + "/run", "{\"maxCostUsd\": 2}").statusCode()).isEqualTo(202);
    assertThat(platform.requested.getLast().getConfig().getMaxCostUsd()).as("the server's default is a ceiling").isEqualTo(0.1);
  }

  @Test
  void theEventsSocketOpensOnlyForWhoMaySeeTheRun() throws Exception {
    String alice = platform.key("alice", Role.VIEWER);
    URI events = URI.create("ws://127.0.0.1:" + server.port() + "/api/v1/runs/run-alice/events");

    assertThatThrownBy(() -> http.newWebSocketBuilder().buildAsync(events, new WebSocket.Listener() {}).get(10, TimeUnit.SECONDS))
        .as("no credential, no socket").hasMessageContaining("WebSocketHandshakeException");
    WebSocket opened = http.newWebSocketBuilder()
        .buildAsync(URI.create(events + "?" + Guard.QUERY_TOKEN + "=" + alice), new WebSocket.Listener() {})
        .get(10, TimeUnit.SECONDS);
    opened.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
  }

  /**
   * The text with its tenth character from the end changed to {@code one}, or to {@code other} when
   * it was {@code one} (not the last: a base64 text's last character may carry bits that are not decoded).
   */
  private static String tampered(String text, char one, char other) {
    int at = text.length() - 10;
    return text.substring(0, at) + (text.charAt(at) == one ? other : one) + text.substring(at + 1);
  }

  private int status(String authorization) throws Exception {
    return send(HttpRequest.newBuilder(uri("/api/v1/runs/run-alice")).header("Authorization", authorization)).statusCode();
  }

  private HttpResponse<String> withKey(String key, String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).header("X-API-Key", key));
  }

  private HttpResponse<String> post(String key, String path, String json) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).header("X-API-Key", key).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private static Run run(String id, String owner) {
    return Run.newBuilder().setRunId(id).setStoryId("story-" + owner).setTitle("The Fox").setStatus(RunStatus.RUNNING)
        .setCurrentStage(Stage.RUN).setIteration(0).setConfig(RunConfig.newBuilder().build()).setCreatedAt(1).setUpdatedAt(1)
        .setOwner(owner).build();
  }

  private static Map<String, Object> claims(String subject, String role, long expires) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", "https://id.example");
    claims.put("aud", List.of("krag-api", "another-api"));
    claims.put("sub", subject);
    claims.put("role", role);
    claims.put("exp", expires);
    return claims;
  }

  private static String hs256(Map<String, Object> claims) throws Exception {
    String signed = part(Map.of("alg", "HS256", "typ", "JWT")) + "." + part(claims);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
  }

  private static String rs256(PrivateKey key, Map<String, Object> claims) throws Exception {
    String signed = part(Map.of("alg", "RS256", "typ", "JWT")) + "." + part(claims);
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(key);
    rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
    return signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
  }

  private static String part(Map<String, Object> json) throws Exception {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(json));
  }
}
