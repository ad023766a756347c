package dev.krag.api;

import dev.krag.schemas.Role;
import dev.krag.schemas.Run;
import dev.krag.schemas.RunStatus;
import dev.krag.schemas.ShotAssets;
import dev.krag.schemas.Shot;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code /api/v1/runs}: runs by story and status, a run's live state, costs, shots and film. */
final class RunsService implements HttpService {

  private final Backend backend;
  private final Guard guard;

  RunsService(Backend backend, Guard guard) {
    this.backend = backend;
    this.guard = guard;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get("/", guard.as(Role.VIEWER, this::list))
        .get("/{id}", guard.as(Role.VIEWER, this::run))
        .get("/{id}/costs", guard.as(Role.VIEWER, this::costs))
        .get("/{id}/shots", guard.as(Role.VIEWER, this::shots))
        .get("/{id}/shots/{shot}/image", guard.asMedia(Role.VIEWER, this::image))
        .get("/{id}/output", guard.asMedia(Role.VIEWER, this::output));
  }

  private void list(ServerRequest req, ServerResponse res, Principal who) {
    Optional<String> storyId = req.query().first("storyId").asOptional().map(id -> Ids.checked(id, "story"));
    Optional<RunStatus> status = req.query().first("status").asOptional().map(RunsService::status);
    List<Run> runs = Answers.found(backend.queries().runs(), "runs").stream()
        .filter(r -> who.sees(r.getOwner()))
        .filter(r -> storyId.map(r.getStoryId()::equals).orElse(true))
        .filter(r -> status.map(s -> r.getStatus() == s).orElse(true))
        .sorted(Comparator.comparingLong(Run::getCreatedAt).reversed())
        .toList();
    res.header(HeaderValues.CONTENT_TYPE_JSON).send(runs.stream().map(Json::of).collect(Collectors.joining(",", "[", "]")));
  }

  private static RunStatus status(String text) {
    try {
      return RunStatus.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("bad_status", "status is one of " + List.of(RunStatus.values()));
    }
  }

  private void run(ServerRequest req, ServerResponse res, Principal who) {
    res.header(HeaderValues.CONTENT_TYPE_JSON).send(Json.of(visibleRun(req, who)));
  }

  /** The run the path names, if the principal may see it. */
  private Run visibleRun(ServerRequest req, Principal who) {
    return Visible.run(backend.queries(), who, Ids.checked(req.path().pathParameters().get("id"), "run"));
  }

  private void costs(ServerRequest req, ServerResponse res, Principal who) {
    String id = visibleRun(req, who).getRunId();
    res.header(HeaderValues.CONTENT_TYPE_JSON).send(Json.of(Answers.found(backend.queries().costs(id), "run " + id)));
  }

  /** The newest render of each shot: what it shows and says, and where its frame and voice are. */
  private void shots(ServerRequest req, ServerResponse res, Principal who) {
    String id = visibleRun(req, who).getRunId();
    List<Map<String, Object>> shots = Answers.found(backend.queries().shots(id), "run " + id).getShots().stream()
        .sorted(Comparator.comparingInt(s -> s.getTask().getShot().getIndex()))
        .map(RunsService::shot)
        .toList();
    Answers.json(res, Status.OK_200, shots);
  }

  private static Map<String, Object> shot(ShotAssets assets) {
    Shot shot = assets.getTask().getShot();
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("shotId", shot.getShotId());
    view.put("sceneId", shot.getSceneId());
    view.put("index", shot.getIndex());
    view.put("iteration", assets.getTask().getIteration());
    view.put("durationSeconds", shot.getDurationSeconds());
    view.put("camera", shot.getCamera().name());
    view.put("narration", shot.getNarration());
    view.put("characterIds", shot.getCharacterIds());
    view.put("image", assets.getImagePath());
    view.put("audio", assets.getAudioPath());
    return view;
  }

  /** The newest frame of a shot, as a PNG: the thumbnails of the live view. */
  private void image(ServerRequest req, ServerResponse res, Principal who) throws IOException {
    String id = visibleRun(req, who).getRunId();
    String shotId = Ids.checked(req.path().pathParameters().get("shot"), "shot");
    ShotAssets shot = Answers.found(backend.queries().shots(id), "run " + id).getShots().stream()
        .filter(s -> s.getTask().getShot().getShotId().equals(shotId)).findFirst()
        .orElseThrow(() -> ApiException.notFound("shot " + shotId + " in run " + id));
    res.header(HeaderNames.CONTENT_TYPE, "image/png").send(Files.readAllBytes(backend.media().localPath(shot.getImagePath())));
  }

  /** The run's film, whole or the byte range asked for, so a browser can seek in it. */
  private void output(ServerRequest req, ServerResponse res, Principal who) throws IOException {
    Run run = visibleRun(req, who);
    String id = run.getRunId();
    if (run.getStatus() != RunStatus.COMPLETED || run.getVideoPath() == null) {
      throw new ApiException(Status.CONFLICT_409, "no_output", "run " + id + " is " + run.getStatus() + ": it has no film yet");
    }
    Path film = backend.media().localPath(run.getVideoPath());
    long size = Files.size(film);
    res.header(HeaderNames.ACCEPT_RANGES, "bytes").header(HeaderNames.CONTENT_TYPE, "video/mp4");
    Optional<ByteRange> range = ByteRange.of(req.headers().value(HeaderNames.RANGE), size);
    long first = range.map(ByteRange::first).orElse(0L);
    long length = range.map(ByteRange::length).orElse(size);
    if (range.isPresent()) {
      res.status(Status.PARTIAL_CONTENT_206).header(HeaderNames.CONTENT_RANGE, "bytes " + first + "-" + (first + length - 1) + "/" + size);
    }
    res.header(HeaderNames.CONTENT_LENGTH, Long.toString(length));
    try (InputStream in = Files.newInputStream(film); OutputStream out = res.outputStream()) {
      in.skipNBytes(first);
      copy(in, out, length);
    }
  }

  private static void copy(InputStream in, OutputStream out, long length) throws IOException {
    byte[] buffer = new byte[1 << 16];
    long left = length;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new IOException("the film ended " + left + " bytes early");
      }
      out.write(buffer, 0, n);
      left -= n;
    }
  }
}
