package dev.krag.stages.critique;

/**
 * The critic's thresholds.
 *
 * @param durationTolerance largest relative gap between the video's length and the plan's
 * @param minWordsPerMinute slowest narration pace a shot may have
 * @param maxWordsPerMinute fastest narration pace a shot may have
 * @param syncTolerance largest gap, in seconds, between the audio's and the video's length
 * @param longestStill longest stretch, in seconds, the picture may stay black or not move
 * @param loudness integrated loudness the sound must have, in LUFS
 * @param loudnessTolerance how far from it, in LU
 * @param truePeakCeiling highest true peak allowed, in dBTP
 */
public record CriticSettings(double durationTolerance, double minWordsPerMinute, double maxWordsPerMinute, double syncTolerance,
    double longestStill, double loudness, double loudnessTolerance, double truePeakCeiling) {

  /**
   * The platform's bar: pace 130–170 words a minute, sound and picture within 100 ms, nothing
   * still for 2 s, −16 ±1 LUFS with the true peak at or under −1 dBTP.
   */
  public static final CriticSettings DEFAULTS = new CriticSettings(0.05, 130, 170, 0.1, 2.0, -16, 1, -1);
}
