package dev.krag.stages.edit;

import java.util.List;
import java.util.Locale;

/** The film's subtitles, one cue per spoken line, as SubRip and WebVTT sidecar files. */
final class Subtitles {

  /** A line shown from {@code start} to {@code end} seconds of the film. */
  record Cue(double start, double end, String text) {}

  private Subtitles() {}

  /** The cues in the sidecar format named by its file extension ({@code srt} or {@code vtt}). */
  static String of(String format, List<Cue> cues) {
    return switch (format) {
      case "srt" -> srt(cues);
      case "vtt" -> vtt(cues);
      default -> throw new IllegalArgumentException("no subtitle format '" + format + "'");
    };
  }

  static String srt(List<Cue> cues) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < cues.size(); i++) {
      Cue cue = cues.get(i);
      out.append(i + 1).append('\n')
          .append(time(cue.start(), ',')).append(" --> ").append(time(cue.end(), ',')).append('\n')
          .append(cue.text().strip()).append("\n\n");
    }
    return out.toString();
  }

  static String vtt(List<Cue> cues) {
    StringBuilder out = new StringBuilder("WEBVTT\n\n");
    for (Cue cue : cues) {
      out.append(time(cue.start(), '.')).append(" --> ").append(time(cue.end(), '.')).append('\n')
          .append(cue.text().strip().replace("-->", "→")).append("\n\n");
    }
    return out.toString();
  }

  private static String time(double seconds, char decimal) {
    long ms = Math.round(seconds * 1000);
    return String.format(Locale.ROOT, "%02d:%02d:%02d%c%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, decimal, ms % 1000);
  }
}
