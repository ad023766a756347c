package dev.krag.api;

import dev.krag.schemas.Feedback;
import dev.krag.schemas.Role;
import dev.krag.schemas.Run;
import dev.krag.schemas.RunEvent;
import dev.krag.schemas.RunEventType;
import io.helidon.common.buffers.BufferData;
import io.helidon.common.uri.UriPath;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.websocket.WsCloseCodes;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import io.helidon.websocket.WsUpgradeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /api/v1/runs/{id}/events}: the run's state when the socket opens, then its events and
 * costs as they happen (a ready shot with its thumbnail's URL); a message from the person is
 * feedback on a shot of the run, answered on the same socket.
 */
final class RunEventsSocket implements WsListener {

  static final String PATH = "/api/v1/runs/{id}/events";
  private static final Pattern RUN = Pattern.compile("/api/v1/runs/([^/]+)/events");

  /**
   * How often each open socket is pinged: the server drops a connection it has read nothing on for
   * 30 s, and a watching client may say nothing for minutes; its pong keeps the connection.
   */
  private static final Duration HEARTBEAT = Duration.ofSeconds(10);
  /**
   * How long a socket waits for a run its store does not hold yet: a client opens the socket as
   * soon as its run is accepted, a moment before the bookkeeping has written the run's first state.
   */
  static final Duration ARRIVAL = Duration.ofSeconds(5);
  private static final Duration ARRIVAL_CHECK = Duration.ofMillis(250);
  private static final ScheduledExecutorService HEARTBEATS =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("krag-api-socket-heartbeat").factory());

  private final Backend backend;
  private final Guard guard;
  private String runId;
  private Principal who;
  private RunNews.Subscription subscription;
  private ScheduledFuture<?> heartbeat;
  private volatile ScheduledFuture<?> arrival;
  private volatile boolean closed;
  /** News that came before the run's state was sent, held so the state is always the first message. */
  private List<String> held = new ArrayList<>();

  RunEventsSocket(Backend backend, Guard guard) {
    this.backend = backend;
    this.guard = guard;
  }

  @Override
  public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) throws WsUpgradeException {
    UriPath path = prologue.uriPath();
    Matcher m = RUN.matcher(path.path());
    if (!m.matches()) {
      throw new WsUpgradeException("not a run's events: " + path.path());
    }
    try {
      runId = Ids.checked(m.group(1), "run");
      // The upgrade is not told the peer's address: a socket that names nobody is refused, not limited.
      who = guard.admit(headers, prologue.query().first(Guard.QUERY_TOKEN).asOptional(), Optional.empty(), Role.VIEWER);
    } catch (ApiException e) {
      throw new WsUpgradeException(e.getMessage());
    }
    return Optional.empty();
  }

  @Override
  public void onOpen(WsSession session) {
    heartbeat = HEARTBEATS.scheduleAtFixedRate(() -> ping(session), HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    // Watch first, then read the state: nothing that happens in between is missed (at worst seen twice).
    subscription = backend.news().subscribe(runId, news -> send(session, switch (news) {
      case RunNews.News.Happened happened -> event(happened.event());
      case RunNews.News.Cost cost -> "{\"type\":\"cost\",\"cost\":" + Json.of(cost.cost()) + "}";
    }));
    awaitState(session, System.nanoTime() + ARRIVAL.toNanos());
  }

  private void awaitState(WsSession session, long giveUp) {
    if (!closed && !sendState(session, System.nanoTime() > giveUp)) {
      arrival = HEARTBEATS.schedule(() -> awaitState(session, giveUp), ARRIVAL_CHECK.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Sends the run's state and what was held back; says whether the socket is done waiting for it. */
  private boolean sendState(WsSession session, boolean lastTry) {
    switch (backend.queries().run(runId)) {
      case Lookup.Found<Run> found when who.sees(found.value().getOwner()) -> {
        release(session, "{\"type\":\"run\",\"run\":" + Json.of(found.value()) + "}");
        return true;
      }
      case Lookup.Found<Run> another -> {
        notFound(session);
        return true;
      }
      case Lookup.Missing<Run> missing -> {
        if (lastTry) {
          notFound(session);
        }
        return lastTry;
      }
      case Lookup.Unavailable<Run> u -> {
        release(session, error("unavailable", u.reason()));
        return true;
      }
    }
  }

  private void notFound(WsSession session) {
    release(session, error("not_found", "no run " + runId));
    session.close(WsCloseCodes.NORMAL_CLOSE, "no such run");
  }

  private String event(RunEvent event) {
    String thumbnail = event.getType() == RunEventType.SHOT_READY && event.getDetails().containsKey("shotId")
        ? ",\"thumbnail\":" + Json.quote("/api/v1/runs/" + runId + "/shots/" + event.getDetails().get("shotId") + "/image") : "";
    return "{\"type\":\"event\",\"event\":" + Json.of(event) + thumbnail + "}";
  }

  @Override
  public void onMessage(WsSession session, String text, boolean last) {
    try {
      who.require(Role.EDITOR);
      FeedbackService.NewFeedback asked = JsonBody.parse(text, FeedbackService.NewFeedback.class);
      Feedback feedback = FeedbackService.feedback(new FeedbackService.NewFeedback(asked.feedbackId(), runId, asked.shotId(),
          asked.action(), asked.comment()), backend.queries(), who);
      backend.commands().send(feedback);
      send(session, "{\"type\":\"feedback\",\"feedbackId\":" + Json.quote(feedback.getFeedbackId()) + ",\"status\":\"ACCEPTED\"}");
    } catch (ApiException e) {
      send(session, error(e.code(), e.getMessage()));
    }
  }

  private static String error(String code, String message) {
    return "{\"type\":\"error\",\"error\":" + Json.quote(code) + ",\"message\":" + Json.quote(message) + "}";
  }

  /** The feed's thread, the heartbeat and the socket's own all send: one frame at a time. */
  private synchronized void send(WsSession session, String text) {
    if (held != null) {
      held.add(text);
    } else {
      session.send(text, true);
    }
  }

  private synchronized void release(WsSession session, String first) {
    session.send(first, true);
    held.forEach(text -> session.send(text, true));
    held = null;
  }

  private synchronized void ping(WsSession session) {
    session.ping(BufferData.empty());
  }

  @Override
  public void onClose(WsSession session, int status, String reason) {
    unsubscribe();
  }

  @Override
  public void onError(WsSession session, Throwable t) {
    unsubscribe();
  }

  private void unsubscribe() {
    closed = true;
    for (ScheduledFuture<?> task : new ScheduledFuture<?>[] {heartbeat, arrival}) {
      if (task != null) {
        task.cancel(false);
      }
    }
    if (subscription != null) {
      subscription.close();
    }
  }
}
