package dev.krag.stages.critique;

/**
 * The critic's thresholds.
 *
 * @param durationTolerance largest relative gap between the video's length and the plan's
 * @param minWordsPerMinute slowest narration pace a shot may have
 * @param maxWordsPerMinute fastest narration pace a shot may have
 */
public record CriticSettings(double durationTolerance, double minWordsPerMinute, double maxWordsPerMinute) {

  public static final CriticSettings DEFAULTS = new CriticSettings(0.05, 110, 190);
}
