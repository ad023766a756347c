package dev.krag.api;

import dev.krag.schemas.Feedback;
import dev.krag.schemas.FeedbackAction;
import dev.krag.schemas.Role;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /api/v1/feedback}: a person's word on a shot. A rejected shot is rendered again with
 * the comment as its hint and the film edited anew; an approval is recorded on the run.
 */
final class FeedbackService implements HttpService {

  private static final int MAX_BYTES = 16 * 1024;
  private static final int COMMENT_LENGTH = 2000;

  private final Backend backend;
  private final Guard guard;

  FeedbackService(Backend backend, Guard guard) {
    this.backend = backend;
    this.guard = guard;
  }

  /**
   * The body: {@code action} is "approve" or "reject" of the shot {@code shotId}, or "revise" the
   * whole run (no shot) with the comment saying how; a resent feedback with the same id counts once.
   */
  record NewFeedback(String feedbackId, String runId, String shotId, String action, String comment) {}

  @Override
  public void routing(HttpRules rules) {
    rules.post("/", guard.as(Role.EDITOR, this::post));
  }

  private void post(ServerRequest req, ServerResponse res, Principal who) {
    Feedback feedback = feedback(JsonBody.read(req, NewFeedback.class, MAX_BYTES, false), backend.queries(), who);
    backend.commands().send(feedback);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("feedbackId", feedback.getFeedbackId());
    body.put("runId", feedback.getRunId());
    body.put("status", "ACCEPTED");
    Answers.json(res, Status.ACCEPTED_202, body);
  }

  /**
   * The feedback record of what a person sent, checked: a run the principal sees, an action, a
   * shot of that run the stores know (none for a change of the whole run, which needs a comment),
   * a comment of fair length.
   */
  static Feedback feedback(NewFeedback posted, RunQueries queries, Principal who) {
    if (posted.runId() == null || posted.action() == null) {
      throw ApiException.badRequest("missing_field", "feedback needs runId and action");
    }
    String runId = Visible.run(queries, who, Ids.checked(posted.runId(), "run")).getRunId();
    FeedbackAction action = switch (posted.action()) {
      case "approve" -> FeedbackAction.APPROVE_SHOT;
      case "reject" -> FeedbackAction.REJECT_SHOT;
      case "revise" -> FeedbackAction.REVISE_RUN;
      default -> throw ApiException.badRequest("bad_action", "action is \"approve\" or \"reject\" (a shot) or \"revise\" (the run)");
    };
    String comment = JsonBody.unicode(posted.comment() == null ? "" : posted.comment().strip(), "comment");
    if (comment.length() > COMMENT_LENGTH) {
      throw ApiException.badRequest("bad_comment", "a comment is at most " + COMMENT_LENGTH + " characters");
    }
    String shotId = action == FeedbackAction.REVISE_RUN ? wholeRun(posted, comment) : shotOf(posted, runId, queries);
    String feedbackId = posted.feedbackId() == null ? "feedback-" + UUID.randomUUID() : Ids.checked(posted.feedbackId(), "feedback");
    return Feedback.newBuilder().setFeedbackId(feedbackId).setRunId(runId).setAction(action)
        .setShotId(shotId).setComment(comment).setCreatedAt(System.currentTimeMillis()).build();
  }

  private static String wholeRun(NewFeedback posted, String comment) {
    if (posted.shotId() != null) {
      throw ApiException.badRequest("bad_field", "a change of the whole run names no shot");
    }
    if (comment.isEmpty()) {
      throw ApiException.badRequest("missing_comment", "a change of the whole run says what to change in 'comment'");
    }
    return "";
  }

  private static String shotOf(NewFeedback posted, String runId, RunQueries queries) {
    if (posted.shotId() == null) {
      throw ApiException.badRequest("missing_field", "feedback on a shot needs shotId");
    }
    boolean known = Answers.found(queries.shots(runId), "run " + runId).getShots().stream()
        .anyMatch(s -> s.getTask().getShot().getShotId().equals(posted.shotId()));
    if (!known) {
      throw ApiException.notFound("shot " + posted.shotId() + " in run " + runId);
    }
    return posted.shotId();
  }
}
