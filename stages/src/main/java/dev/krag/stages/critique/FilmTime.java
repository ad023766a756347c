package dev.krag.stages.critique;

import dev.krag.schemas.ShotAssets;
import dev.krag.schemas.VideoEdited;
import dev.krag.stages.plan.ShotPlanner;
import java.util.ArrayList;
import java.util.List;

/** Where each shot sits in the edited film: after the title card, one after another. */
final class FilmTime {

  private FilmTime() {}

  /** The shots that play at any moment between {@code start} and {@code end} seconds. */
  static List<String> shotsBetween(VideoEdited video, double start, double end) {
    List<String> shots = new ArrayList<>();
    double at = ShotPlanner.TITLE_SECONDS;
    for (ShotAssets shot : video.getShots()) {
      double until = at + shot.getDurationSeconds();
      if (until > start && at < end) {
        shots.add(shot.getTask().getShot().getShotId());
      }
      at = until;
    }
    return shots;
  }
}
