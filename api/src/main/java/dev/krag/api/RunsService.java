package dev.krag.api;

import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;

/** {@code /api/v1/runs}: a run's live state and its costs, from the state stores. */
final class RunsService implements HttpService {

  /** Run ids are what krag makes them: letters, digits, dashes. Anything else is not a run. */
  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9-]{1,100}");

  private final RunQueries queries;

  RunsService(RunQueries queries) {
    this.queries = queries;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get("/{id}", this::run).get("/{id}/costs", this::costs);
  }

  private void run(ServerRequest req, ServerResponse res) {
    answer(req, res, queries::run);
  }

  private void costs(ServerRequest req, ServerResponse res) {
    answer(req, res, queries::costs);
  }

  private static <T extends SpecificRecord> void answer(ServerRequest req, ServerResponse res, Function<String, Lookup<T>> lookup) {
    String id = req.path().pathParameters().get("id");
    if (!RUN_ID.matcher(id).matches()) {
      ApiError.send(res, Status.BAD_REQUEST_400, "bad_run_id", "a run id is 1 to 100 letters, digits or dashes");
      return;
    }
    switch (lookup.apply(id)) {
      case Lookup.Found<T> found -> res.header(HeaderValues.CONTENT_TYPE_JSON).send(Json.of(found.value()));
      case Lookup.Missing<T> missing -> ApiError.send(res, Status.NOT_FOUND_404, "not_found", "no run " + id);
      case Lookup.Unavailable<T> u -> ApiError.unavailable(res, u.retryAfterSeconds(), u.reason());
    }
  }
}
