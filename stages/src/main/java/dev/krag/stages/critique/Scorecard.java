package dev.krag.stages.critique;

import dev.krag.schemas.CheckResult;
import dev.krag.schemas.Issue;
import dev.krag.schemas.Scores;
import java.util.List;
import java.util.Map;

/**
 * The platform's feedback record from the critic's measured checks: six scores from 1 to 5, each
 * the mean of the checks that speak to it, and each failed check as an issue with the kind of fix
 * it needs. The scores are only as good as the checks: nothing here is judged by eye.
 */
final class Scorecard {

  /** Which checks each score is made of. */
  static final Map<String, List<String>> SCORE_CHECKS = Map.of(
      "narrativeClarity", List.of("scene-coverage", "shot-coverage", "subtitles"),
      "hook", List.of("streams", "characters-drawn", "no-black"),
      "pacing", List.of("narration-pace", "duration-match"),
      "composition", List.of("characters-drawn", "no-freeze"),
      "continuity", List.of("same-look", "av-sync"),
      "audioMix", List.of("loudness", "av-sync"));

  /** The fix each check's failure calls for. */
  static final Map<String, String> FIXES = Map.ofEntries(
      Map.entry("scene-coverage", "replan"), Map.entry("shot-coverage", "replan"),
      Map.entry("characters-drawn", "redraw"), Map.entry("same-look", "redraw"), Map.entry("no-black", "redraw"),
      Map.entry("no-freeze", "redraw"), Map.entry("narration-pace", "reread"),
      Map.entry("streams", "re-edit"), Map.entry("duration-match", "re-edit"), Map.entry("av-sync", "re-edit"),
      Map.entry("loudness", "re-edit"), Map.entry("subtitles", "re-edit"));

  private Scorecard() {}

  static Scores scores(List<CheckResult> checks) {
    return Scores.newBuilder()
        .setNarrativeClarity(score(checks, "narrativeClarity"))
        .setHook(score(checks, "hook"))
        .setPacing(score(checks, "pacing"))
        .setComposition(score(checks, "composition"))
        .setContinuity(score(checks, "continuity"))
        .setAudioMix(score(checks, "audioMix"))
        .build();
  }

  static List<Issue> issues(List<CheckResult> checks) {
    return checks.stream().filter(c -> !c.getPassed())
        .map(c -> new Issue(c.getName(), FIXES.getOrDefault(c.getName(), "re-edit"), c.getDetail(), c.getShotIds()))
        .toList();
  }

  /** 1 + 4 × the mean score (0..1) of the score's checks, rounded: all passed is 5, all failed is 1. */
  private static int score(List<CheckResult> checks, String name) {
    List<String> wanted = SCORE_CHECKS.get(name);
    double mean = checks.stream().filter(c -> wanted.contains(c.getName())).mapToDouble(CheckResult::getScore).average().orElse(0);
    return (int) Math.round(1 + 4 * Math.clamp(mean, 0, 1));
  }
}
