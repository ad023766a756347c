package dev.krag.api;

import dev.krag.schemas.RunConfig;
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
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /api/v1/stories}: post a story, read it back, and ask for a run of it. */
final class StoriesService implements HttpService {

  /** How long posting waits for the story to be readable, so a client may run it straight away. */
  private static final Duration VISIBLE = Duration.ofSeconds(10);
  private static final int TITLE_LENGTH = 200;

  private final Backend backend;

  StoriesService(Backend backend) {
    this.backend = backend;
  }

  /** The body of {@code POST /stories}. */
  record NewStory(String title, String text) {}

  /** The body of {@code POST /stories/{id}/run}, all of it optional. */
  record NewRun(Double targetDurationSeconds, Integer maxIterations) {}

  @Override
  public void routing(HttpRules rules) {
    rules.post("/", this::post).get("/{id}", this::get).post("/{id}/run", this::run);
  }

  private void post(ServerRequest req, ServerResponse res) {
    NewStory posted = JsonBody.read(req, NewStory.class, backend.maxStoryBytes() + 1024, false);
    String text = posted.text() == null ? "" : posted.text().strip();
    if (text.isEmpty()) {
      throw ApiException.badRequest("missing_text", "a story needs its text in 'text'");
    }
    if (text.indexOf('\0') >= 0) {
      throw ApiException.badRequest("bad_text", "the text holds NUL characters");
    }
    if (text.getBytes(StandardCharsets.UTF_8).length > backend.maxStoryBytes()) {
      throw new ApiException(Status.REQUEST_ENTITY_TOO_LARGE_413, "too_large", "a story is at most " + backend.maxStoryBytes() + " bytes");
    }
    String title = posted.title() == null || posted.title().isBlank() ? text.lines().findFirst().orElse("").strip() : posted.title().strip();
    Story story = Story.newBuilder().setStoryId(Ids.story(text)).setTitle(title.substring(0, Math.min(TITLE_LENGTH, title.length())))
        .setText(text).setSource(StorySource.API).setCreatedAt(System.currentTimeMillis()).build();
    backend.commands().post(story);
    awaitVisible(story.getStoryId());
    res.header(HeaderNames.LOCATION, "/api/v1/stories/" + story.getStoryId());
    Answers.json(res, Status.CREATED_201, summary(story));
  }

  private void awaitVisible(String storyId) {
    long deadline = System.nanoTime() + VISIBLE.toNanos();
    while (!(backend.queries().story(storyId) instanceof Lookup.Found<Story>) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void get(ServerRequest req, ServerResponse res) {
    String id = Ids.checked(req.path().pathParameters().get("id"), "story");
    res.header(HeaderValues.CONTENT_TYPE_JSON).send(Json.of(Answers.found(backend.queries().story(id), "story " + id)));
  }

  private void run(ServerRequest req, ServerResponse res) {
    String id = Ids.checked(req.path().pathParameters().get("id"), "story");
    NewRun asked = JsonBody.read(req, NewRun.class, 1024, true);
    Story story = Answers.found(backend.queries().story(id), "story " + id);
    RunConfig.Builder config = RunConfig.newBuilder(backend.runDefaults());
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
        .setConfig(config.build()).setRequestedAt(System.currentTimeMillis()).build();
    backend.commands().request(run);
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
