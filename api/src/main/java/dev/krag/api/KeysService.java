package dev.krag.api;

import dev.krag.schemas.ApiKey;
import dev.krag.schemas.Role;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code /api/v1/keys}, for admins: make a service account's API key (its secret is in the answer
 * and nowhere else), list the keys, and revoke one. A revoked key is refused by every instance.
 */
final class KeysService implements HttpService {

  private static final Pattern PRINCIPAL = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

  private final Backend backend;
  private final Guard guard;

  KeysService(Backend backend, Guard guard) {
    this.backend = backend;
    this.guard = guard;
  }

  /** The body of {@code POST /keys}. */
  record NewKey(String principal, String role) {}

  @Override
  public void routing(HttpRules rules) {
    rules.post("/", guard.as(Role.ADMIN, this::issue))
        .get("/", guard.as(Role.ADMIN, this::list))
        .delete("/{id}", guard.as(Role.ADMIN, this::revoke));
  }

  private void issue(ServerRequest req, ServerResponse res, Principal who) {
    NewKey asked = JsonBody.read(req, NewKey.class, 1024, false);
    if (asked.principal() == null || !PRINCIPAL.matcher(asked.principal()).matches()) {
      throw ApiException.badRequest("bad_principal", "principal is 1 to 100 letters, digits or ._@-");
    }
    Role role = role(asked.role());
    ApiKeyToken.Issued issued = ApiKeyToken.issue(asked.principal(), role, System.currentTimeMillis());
    backend.commands().issue(issued.key());
    awaitKey(issued.key());
    Map<String, Object> body = view(issued.key());
    body.put("key", issued.token().text());
    Answers.json(res, Status.CREATED_201, body);
  }

  private static Role role(String text) {
    try {
      return Role.valueOf((text == null ? "viewer" : text).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("bad_role", "role is viewer, editor or admin");
    }
  }

  private void list(ServerRequest req, ServerResponse res, Principal who) {
    List<Map<String, Object>> keys = Answers.found(backend.queries().apiKeys(), "keys").stream()
        .sorted(Comparator.comparingLong(ApiKey::getCreatedAt)).map(KeysService::view).toList();
    Answers.json(res, Status.OK_200, keys);
  }

  private void revoke(ServerRequest req, ServerResponse res, Principal who) {
    String id = Ids.checked(req.path().pathParameters().get("id"), "key");
    ApiKey key = Answers.found(backend.queries().apiKey(id), "key " + id);
    if (key.getRevokedAt() == null) {
      ApiKey revoked = ApiKey.newBuilder(key).setRevokedAt(System.currentTimeMillis()).build();
      backend.commands().issue(revoked);
      awaitKey(revoked);
    }
    res.status(Status.NO_CONTENT_204).send();
  }

  private void awaitKey(ApiKey expected) {
    Await.visible(() -> backend.queries().apiKey(expected.getKeyId()) instanceof Lookup.Found<ApiKey> found
        && found.value().equals(expected));
  }

  /** A key as the list shows it: never its hash. */
  private static Map<String, Object> view(ApiKey key) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("keyId", key.getKeyId());
    view.put("principal", key.getPrincipal());
    view.put("role", key.getRole().name().toLowerCase(Locale.ROOT));
    view.put("createdAt", key.getCreatedAt());
    view.put("revokedAt", key.getRevokedAt());
    return view;
  }
}
