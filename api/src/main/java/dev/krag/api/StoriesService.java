package dev.krag.api;

import dev.krag.schemas.RunConfig;
import dev.krag.schemas.Role;
import dev.krag.schemas.Run;
import dev.krag.schemas.RunRequested;
import dev.krag.schemas.Story;
import dev.krag.schemas.StorySource;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/** {@code /api/v1/stories}: post a story, read it back, and ask for a run of it. */
final class StoriesService implements HttpService {

  private static final int TITLE_LENGTH = 200;

  private final Backend backend;
  private final Guard guard;

  StoriesService(Backend backend, Guard guard) {
    this.backend = backend;
    this.guard = guard;
  }

  /** The body of {@code POST /stories}. */
  record NewStory(String title, String text) {}

  /** The body of {@code POST /stories/{id}/run}, all of it optional. */
  record NewRun(Double targetDurationSeconds, Integer maxIterations, Double maxCostUsd) {}

  @Override
  public void routing(HttpRules rules) {
    rules.post("/", guard.as(Role.EDITOR, this::post))
        .get("/{id}", guard.as(Role.VIEWER, this::get))
        .post("/{id}/run", guard.as(Role.EDITOR, this::run));
  }

  private void post(ServerRequest req, ServerResponse res, Principal who) {
    NewStory posted = JsonBody.read(req, NewStory.class, backend.maxStoryBytes() + 1024, false);
    String text = posted.text() == null ? "" : posted.text().strip();
    if (text.isEmpty()) {
      throw ApiException.badRequest("missing_text", "a story needs its text in 'text'");
    }
    JsonBody.unicode(text, "text");
    JsonBody.unicode(posted.title() == null ? "" : posted.title(), "title");
    if (text.indexOf('\0') >= 0) {
      throw ApiException.badRequest("bad_text", "the text holds NUL characters");
    }
    if (text.getBytes(StandardCharsets.UTF_8).length > backend.maxStoryBytes()) {
      throw new ApiException(Status.REQUEST_ENTITY_TOO_LARGE_413, "too_large", "a story is at most " + backend.maxStoryBytes() + " bytes");
    }
    String title = posted.title() == null || posted.title().isBlank() ? text.lines().findFirst().orElse("").strip() : posted.title().strip();
    Story story = Story.newBuilder().setStoryId(Ids.story(who.name(), text))
        .setTitle(title.substring(0, Math.min(TITLE_LENGTH, title.length()))).setText(text).setSource(StorySource.API)
        .setCreatedAt(System.currentTimeMillis()).setOwner(who.name()).build();
    backend.commands().post(story);
    Await.visible(() -> backend.queries().story(story.getStoryId()) instanceof Lookup.Found<Story>);
    res.header(HeaderNames.LOCATION, "/api/v1/stories/" + story.getStoryId());
    Answers.json(res, Status.CREATED_201, summary(story));
  }

  private void get(ServerRequest req, ServerResponse res, Principal who) {
    String id = Ids.checked(req.path().pathParameters().get("id"), "story");
    res.header(HeaderValues.CONTENT_TYPE_JSON).send(Json.of(Visible.story(backend.queries(), who, id)));
  }

  private void run(ServerRequest req, ServerResponse res, Principal who) {
    String id = Ids.checked(req.path().pathParameters().get("id"), "story");
    NewRun asked = JsonBody.read(req, NewRun.class, 1024, true);
    Story story = Visible.story(backend.queries(), who, id);
    double room = backend.security().quotas().roomForARun(story.getOwner(), Answers.found(backend.queries().runs(), "runs"),
        Clock.systemUTC());
    RunConfig.Builder config = RunConfig.newBuilder(backend.runDefaults());
    if (asked.maxCostUsd() != null && !(asked.maxCostUsd() >= 0)) {
      throw ApiException.badRequest("bad_field", "maxCostUsd is zero or more");
    }
    // The server's default is a ceiling the caller may go under, not over.
    Double wanted = Stream.of(asked.maxCostUsd(), config.getMaxCostUsd()).filter(Objects::nonNull).min(Double::compare)
        .orElse(backend.security().quotas().runShare());
    config.setMaxCostUsd(Math.min(wanted, room));
    if (asked.targetDurationSeconds() != null) {
      if (asked.targetDurationSeconds() < 5 || asked.targetDurationSeconds() > 36_000) {
        throw ApiException.badRequest("bad_field", "targetDurationSeconds is 5 to 36000");
      }
      config.setTargetDurationSeconds(asked.targetDurationSeconds());
    }
    if (asked.maxIterations() != null) {
      if (asked.maxIterations() < 1 || asked.maxIterations() > 5) {
        throw ApiException.badRequest("bad_field", "maxIterations is 1 to 5");
      }
      config.setMaxIterations(asked.maxIterations());
    }
    RunRequested run = RunRequested.newBuilder().setRunId(Ids.run()).setStoryId(id).setTitle(story.getTitle()).setText(story.getText())
        .setConfig(config.build()).setRequestedAt(System.currentTimeMillis()).setOwner(story.getOwner()).build();
    backend.commands().request(run);
    Await.visible(() -> backend.queries().run(run.getRunId()) instanceof Lookup.Found<Run>);
    res.header(HeaderNames.LOCATION, "/api/v1/runs/" + run.getRunId());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("runId", run.getRunId());
    body.put("storyId", id);
    body.put("status", "REQUESTED");
    Answers.json(res, Status.ACCEPTED_202, body);
  }

  private static Map<String, Object> summary(Story story) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("storyId", story.getStoryId());
    body.put("title", story.getTitle());
    body.put("words", story.getText().split("\\s+").length);
    body.put("status", "RECEIVED");
    return body;
  }
}
