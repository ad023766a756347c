package dev.krag.api;

import dev.krag.schemas.Run;
import dev.krag.schemas.Story;

/**
 * What a principal may see: their own stories and the runs of them, and an admin everyone's.
 * Another's is a 404, as if it were not there, so ids cannot be probed.
 */
final class Visible {

  private Visible() {}

  static Story story(RunQueries queries, Principal who, String storyId) {
    Story story = Answers.found(queries.story(storyId), "story " + storyId);
    if (!who.sees(story.getOwner())) {
      throw ApiException.notFound("story " + storyId);
    }
    return story;
  }

  static Run run(RunQueries queries, Principal who, String runId) {
    Run run = Answers.found(queries.run(runId), "run " + runId);
    if (!who.sees(run.getOwner())) {
      throw ApiException.notFound("run " + runId);
    }
    return run;
  }
}
