package dev.krag.stages.critique;

import dev.krag.schemas.CheckResult;
import dev.krag.schemas.Critique;
import dev.krag.schemas.ShotAssets;
import dev.krag.schemas.Verdict;
import dev.krag.schemas.VideoEdited;
import dev.krag.stages.critique.VideoProbe.Facts;
import dev.krag.stages.generate.ShotGenerator;
import dev.krag.stages.text.Words;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Measures an edited video against its plan and decides: accept, render some shots again, or
 * reject. Coverage and stream checks are hard: a video that lost a scene or a shot is never
 * accepted. Pace is soft: after the last iteration its failures are reported, not fatal.
 */
public final class Critic {

  private final CriticSettings settings;

  public Critic(CriticSettings settings) {
    this.settings = settings;
  }

  public Critique critique(VideoEdited video, Facts facts) {
    List<CheckResult> hard = List.of(sceneCoverage(video), shotCoverage(video), streams(facts), duration(video, facts));
    CheckResult pace = pace(video);
    List<CheckResult> checks = new ArrayList<>(hard);
    checks.add(pace);

    Set<String> atFault = new LinkedHashSet<>();
    checks.stream().filter(c -> !c.getPassed()).forEach(c -> atFault.addAll(c.getShotIds()));
    boolean hardPassed = hard.stream().allMatch(CheckResult::getPassed);
    boolean canRefine = video.getIteration() + 1 < video.getConfig().getMaxIterations() && !atFault.isEmpty();
    Verdict verdict = hardPassed && pace.getPassed() ? Verdict.ACCEPT
        : canRefine ? Verdict.REFINE
        : hardPassed ? Verdict.ACCEPT
        : Verdict.REJECT;

    return Critique.newBuilder()
        .setRunId(video.getRunId())
        .setIteration(video.getIteration())
        .setVerdict(verdict)
        .setScore(checks.stream().mapToDouble(CheckResult::getScore).average().orElse(0))
        .setChecks(checks)
        .setShotsAtFault(List.copyOf(atFault))
        .setVideoPath(video.getVideoPath())
        .setDurationSeconds(facts.durationSeconds())
        .setSceneCount(video.getSceneCount())
        .setShotCount(video.getShots().size())
        .build();
  }

  private static CheckResult sceneCoverage(VideoEdited video) {
    long covered = video.getShots().stream().map(s -> s.getTask().getShot().getSceneId()).distinct().count();
    double score = video.getSceneCount() == 0 ? 0 : Math.min(1.0, covered / (double) video.getSceneCount());
    return check("scene-coverage", score, 1.0,
        String.format(Locale.ROOT, "%d of %d scenes have a shot", covered, video.getSceneCount()), List.of());
  }

  private static CheckResult shotCoverage(VideoEdited video) {
    int expected = video.getShots().isEmpty() ? 0 : video.getShots().getFirst().getTask().getShotCount();
    long present = video.getShots().stream().map(s -> s.getTask().getShot().getShotId()).distinct().count();
    double score = expected == 0 ? 0 : Math.min(1.0, present / (double) expected);
    return check("shot-coverage", score, 1.0,
        String.format(Locale.ROOT, "%d of %d planned shots are in the video", present, expected), List.of());
  }

  private static CheckResult streams(Facts facts) {
    boolean h264 = "h264".equals(facts.videoCodec());
    boolean aac = "aac".equals(facts.audioCodec());
    return check("streams", (h264 ? 0.5 : 0) + (aac ? 0.5 : 0), 1.0,
        "video " + facts.videoCodec() + ", audio " + facts.audioCodec(), List.of());
  }

  private CheckResult duration(VideoEdited video, Facts facts) {
    double planned = video.getPlannedSeconds();
    double gap = planned <= 0 ? 1 : Math.abs(facts.durationSeconds() - planned) / planned;
    double score = Math.max(0, 1 - gap);
    return new CheckResult("duration-match", score, 1 - settings.durationTolerance(), gap <= settings.durationTolerance(),
        String.format(Locale.ROOT, "video %.2f s, plan %.2f s (%.1f %% apart)", facts.durationSeconds(), planned, gap * 100),
        List.of());
  }

  /** Narration pace per shot, from the words read and the measured length of the voice-over. */
  private CheckResult pace(VideoEdited video) {
    List<String> tooFast = new ArrayList<>();
    List<String> tooSlow = new ArrayList<>();
    for (ShotAssets shot : video.getShots()) {
      int words = Words.count(shot.getTask().getShot().getNarration());
      if (words < 4 || shot.getAudioSeconds() <= 0) {
        continue; // too short to have a measurable pace
      }
      double wpm = words * 60 / shot.getAudioSeconds();
      if (wpm > settings.maxWordsPerMinute()) {
        tooFast.add(shot.getTask().getShot().getShotId());
      } else if (wpm < settings.minWordsPerMinute()) {
        tooSlow.add(shot.getTask().getShot().getShotId());
      }
    }
    int total = Math.max(1, video.getShots().size());
    double score = 1 - (tooFast.size() + tooSlow.size()) / (double) total;
    String detail = String.format(Locale.ROOT, "%d shots read faster than %.0f wpm, %d slower than %.0f wpm (%s)",
        tooFast.size(), settings.maxWordsPerMinute(), tooSlow.size(), settings.minWordsPerMinute(),
        tooFast.isEmpty() ? "" : ShotGenerator.SLOWER + " for " + String.join(", ", tooFast));
    return check("narration-pace", score, 1.0, detail, tooFast);
  }

  private static CheckResult check(String name, double score, double threshold, String detail, List<String> shotIds) {
    return new CheckResult(name, score, threshold, score >= threshold - 1e-9, detail, shotIds);
  }
}
