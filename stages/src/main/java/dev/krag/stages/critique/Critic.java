package dev.krag.stages.critique;

import dev.krag.schemas.CheckResult;
import dev.krag.schemas.Critique;
import dev.krag.schemas.ShotAssets;
import dev.krag.schemas.Verdict;
import dev.krag.schemas.VideoEdited;
import dev.krag.stages.critique.VideoProbe.Facts;
import dev.krag.stages.generate.ShotGenerator;
import dev.krag.stages.generate.SilhouetteIllustrator;
import dev.krag.stages.text.Words;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Measures an edited video against its plan and decides: accept, render some shots again, or
 * reject. Coverage, streams, length, sync and black picture are hard: a video that lost a scene or
 * a shot, or shows black, is never accepted. Pace, characters drawn, one look per character, a
 * moving picture and subtitles are soft: they ask for the shots at fault to be made again, and
 * after the last iteration their failures are reported, not fatal.
 */
public final class Critic {

  private static final String CHARACTER = SilhouetteIllustrator.CHARACTER;

  private final CriticSettings settings;

  public Critic(CriticSettings settings) {
    this.settings = settings;
  }

  public Critique critique(VideoEdited video, Facts facts) {
    List<CheckResult> hard = List.of(sceneCoverage(video), shotCoverage(video), streams(facts), duration(video, facts),
        sync(facts), black(video, facts), loudness(facts));
    List<CheckResult> soft = List.of(pace(video), charactersDrawn(video), sameLook(video), stillness(video, facts),
        subtitles(video, facts));
    List<CheckResult> checks = new ArrayList<>(hard);
    checks.addAll(soft);

    Set<String> atFault = new LinkedHashSet<>();
    checks.stream().filter(c -> !c.getPassed()).forEach(c -> atFault.addAll(c.getShotIds()));
    boolean hardPassed = hard.stream().allMatch(CheckResult::getPassed);
    // A hard failure that names no shot (a lost scene, a missing stream) cannot be fixed by rendering shots again.
    boolean hardFixable = hard.stream().filter(c -> !c.getPassed()).allMatch(c -> !c.getShotIds().isEmpty());
    boolean canRefine = video.getIteration() + 1 < video.getConfig().getMaxIterations() && !atFault.isEmpty();
    Verdict verdict = hardPassed && soft.stream().allMatch(CheckResult::getPassed) ? Verdict.ACCEPT
        : hardFixable && canRefine ? Verdict.REFINE
        : hardPassed ? Verdict.ACCEPT
        : Verdict.REJECT;

    return Critique.newBuilder()
        .setRunId(video.getRunId())
        .setIteration(video.getIteration())
        .setVerdict(verdict)
        .setScore(checks.stream().mapToDouble(CheckResult::getScore).average().orElse(0))
        .setChecks(checks)
        .setScores(Scorecard.scores(checks))
        .setIssues(Scorecard.issues(checks))
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

  private CheckResult sync(Facts facts) {
    double gap = Math.abs(facts.audioSeconds() - facts.videoSeconds());
    return new CheckResult("av-sync", gap <= settings.syncTolerance() ? 1.0 : 0.0, 1.0, gap <= settings.syncTolerance(),
        String.format(Locale.ROOT, "audio %.3f s, video %.3f s (%.0f ms apart)", facts.audioSeconds(), facts.videoSeconds(), gap * 1000),
        List.of());
  }

  /** The film's sound at the target loudness with its true peak under the ceiling, as EBU R128 measures them. */
  private CheckResult loudness(Facts facts) {
    boolean level = Math.abs(facts.loudness() - settings.loudness()) <= settings.loudnessTolerance();
    boolean peak = facts.truePeak() <= settings.truePeakCeiling();
    return new CheckResult("loudness", (level ? 0.5 : 0) + (peak ? 0.5 : 0), 1.0, level && peak,
        String.format(Locale.ROOT, "%.1f LUFS (target %.0f ±%.0f), true peak %.1f dBTP (ceiling %.0f)", facts.loudness(),
            settings.loudness(), settings.loudnessTolerance(), facts.truePeak(), settings.truePeakCeiling()), List.of());
  }

  private CheckResult black(VideoEdited video, Facts facts) {
    return stretches("no-black", facts.black(), video, "black");
  }

  private CheckResult stillness(VideoEdited video, Facts facts) {
    return stretches("no-freeze", facts.frozen(), video, "still");
  }

  /** Fails for every stretch longer than the settings allow, naming the shots it falls in. */
  private CheckResult stretches(String name, List<VideoProbe.Stretch> found, VideoEdited video, String what) {
    List<VideoProbe.Stretch> long_ = found.stream().filter(s -> s.seconds() > settings.longestStill()).toList();
    Set<String> shots = new LinkedHashSet<>();
    long_.forEach(s -> shots.addAll(FilmTime.shotsBetween(video, s.start(), s.end())));
    String detail = long_.isEmpty() ? String.format(Locale.ROOT, "nothing %s for more than %.1f s", what, settings.longestStill())
        : long_.stream().map(s -> String.format(Locale.ROOT, "%.1f–%.1f s", s.start(), s.end()))
            .collect(java.util.stream.Collectors.joining(", ", what + " at ", ""));
    return check(name, long_.isEmpty() ? 1 : 0, 1, detail, List.copyOf(shots));
  }

  /** Every character of a scene is drawn in one of its shots, as the render manifests record. */
  private static CheckResult charactersDrawn(VideoEdited video) {
    Map<String, Set<String>> expected = new LinkedHashMap<>();
    Map<String, Set<String>> drawn = new LinkedHashMap<>();
    Map<String, String> firstShot = new LinkedHashMap<>();
    for (ShotAssets shot : video.getShots()) {
      String scene = shot.getTask().getShot().getSceneId();
      firstShot.putIfAbsent(scene, shot.getTask().getShot().getShotId());
      expected.computeIfAbsent(scene, s -> new LinkedHashSet<>()).addAll(shot.getTask().getShot().getSceneCharacterIds());
      shot.getManifest().getDrawn().stream().filter(d -> d.getKind().equals(CHARACTER))
          .forEach(d -> drawn.computeIfAbsent(scene, s -> new LinkedHashSet<>()).add(d.getId()));
    }
    int total = 0;
    List<String> missing = new ArrayList<>();
    Set<String> atFault = new LinkedHashSet<>();
    for (Map.Entry<String, Set<String>> scene : expected.entrySet()) {
      for (String character : scene.getValue()) {
        total++;
        if (!drawn.getOrDefault(scene.getKey(), Set.of()).contains(character)) {
          missing.add(character + " in " + scene.getKey());
          atFault.add(firstShot.get(scene.getKey()));
        }
      }
    }
    double score = total == 0 ? 1 : 1 - missing.size() / (double) total;
    return check("characters-drawn", score, 1, missing.isEmpty() ? total + " characters, each drawn in its scenes"
        : "not drawn: " + String.join(", ", missing), List.copyOf(atFault));
  }

  /** Each character looks the same in every shot: one silhouette fingerprint across the film. */
  private static CheckResult sameLook(VideoEdited video) {
    Map<String, Map<String, List<String>>> looks = new LinkedHashMap<>();
    for (ShotAssets shot : video.getShots()) {
      shot.getManifest().getDrawn().stream().filter(d -> d.getKind().equals(CHARACTER)).forEach(d -> looks
          .computeIfAbsent(d.getId(), c -> new LinkedHashMap<>())
          .computeIfAbsent(d.getLook(), l -> new ArrayList<>()).add(shot.getTask().getShot().getShotId()));
    }
    List<String> changed = new ArrayList<>();
    Set<String> atFault = new LinkedHashSet<>();
    looks.forEach((character, byLook) -> {
      if (byLook.size() > 1) {
        changed.add(character);
        List<String> usual = byLook.values().stream().max(java.util.Comparator.comparingInt(List::size)).orElseThrow();
        byLook.values().stream().filter(shots -> shots != usual).forEach(atFault::addAll);
      }
    });
    double score = looks.isEmpty() ? 1 : 1 - changed.size() / (double) looks.size();
    return check("same-look", score, 1, changed.isEmpty() ? looks.size() + " characters, each drawn one way"
        : "drawn more than one way: " + String.join(", ", changed), List.copyOf(atFault));
  }

  /** Every narrated shot's words are on screen as a subtitle line of the file. */
  private static CheckResult subtitles(VideoEdited video, Facts facts) {
    String shown = String.join(" ", facts.subtitleLines()).replaceAll("\\s+", " ");
    List<String> missing = video.getShots().stream()
        .filter(s -> !shown.contains(s.getTask().getShot().getNarration().replaceAll("\\s+", " ").strip()))
        .map(s -> s.getTask().getShot().getShotId()).toList();
    int total = Math.max(1, video.getShots().size());
    return check("subtitles", 1 - missing.size() / (double) total, 1,
        missing.isEmpty() ? "every narrated line has a subtitle" : missing.size() + " shots without subtitles", missing);
  }

  private static CheckResult check(String name, double score, double threshold, String detail, List<String> shotIds) {
    return new CheckResult(name, score, threshold, score >= threshold - 1e-9, detail, shotIds);
  }
}
