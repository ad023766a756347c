package dev.krag.api;

import dev.krag.schemas.AvroJson;
import dev.krag.schemas.Role;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * {@code /internal/v1/stores}: this instance's own part of a store, for the other instances to
 * route a key to its owner. It never asks further, so a request cannot go round in a loop.
 */
final class StoresService implements HttpService {

  static final String PATH = "/internal/v1/stores";
  /** A JSON text sequence (RFC 7464): each record after this byte, whatever lines it spans. */
  static final char RECORD_SEPARATOR = 0x1E;

  private final RunQueries queries;
  private final Guard guard;

  StoresService(RunQueries queries, Guard guard) {
    this.queries = queries;
    this.guard = guard;
  }

  /** Admins only: the instances ask each other with their admin keys, and what they read is anyone's. */
  @Override
  public void routing(HttpRules rules) {
    rules.get("/{store}", guard.as(Role.ADMIN, this::all)).get("/{store}/{key}", guard.as(Role.ADMIN, this::one));
  }

  private void one(ServerRequest req, ServerResponse res, Principal who) {
    String store = req.path().pathParameters().get("store");
    String key = Ids.checked(req.path().pathParameters().get("key"), "key");
    SpecificRecord value = Answers.found(queries.local(store, key), key + " in " + store + " here");
    res.header(HeaderNames.CONTENT_TYPE, "application/json").send(AvroJson.write(value));
  }

  private void all(ServerRequest req, ServerResponse res, Principal who) {
    String store = req.path().pathParameters().get("store");
    List<SpecificRecord> values = Answers.found(queries.local(store), store + " here");
    ByteArrayOutputStream sequence = new ByteArrayOutputStream();
    for (SpecificRecord value : values) {
      sequence.write(RECORD_SEPARATOR);
      sequence.writeBytes(AvroJson.write(value));
      sequence.write('\n');
    }
    res.header(HeaderNames.CONTENT_TYPE, "application/json-seq").send(sequence.toByteArray());
  }
}
