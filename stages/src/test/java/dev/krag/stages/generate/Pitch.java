package dev.krag.stages.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * The median pitch of a voice, by autocorrelation over 40 ms windows that are loud and clearly
 * periodic (voiced), searched between 60 and 400 Hz: enough to tell a lowered voice from its
 * source, not a pitch tracker.
 */
final class Pitch {

  private Pitch() {}

  static double medianHz(Speech speech) {
    short[] x = speech.samples();
    int rate = speech.sampleRate();
    int window = rate * 40 / 1000;
    int minLag = rate / 400;
    int maxLag = rate / 60;
    List<Double> pitches = new ArrayList<>();
    for (int start = 0; start + window + maxLag < x.length; start += window / 2) {
      double energy = 0;
      for (int i = start; i < start + window; i++) {
        energy += (double) x[i] * x[i];
      }
      if (energy / window < 1000.0 * 1000.0) {
        continue;
      }
      int best = -1;
      double bestScore = 0;
      for (int lag = minLag; lag <= maxLag; lag++) {
        double sum = 0;
        double lagged = 0;
        for (int i = start; i < start + window; i++) {
          sum += (double) x[i] * x[i + lag];
          lagged += (double) x[i + lag] * x[i + lag];
        }
        double score = sum / Math.sqrt(energy * lagged);
        if (score > bestScore) {
          bestScore = score;
          best = lag;
        }
      }
      if (bestScore > 0.6) {
        pitches.add(rate / (double) best);
      }
    }
    if (pitches.isEmpty()) {
      throw new IllegalArgumentException("no voiced stretch");
    }
    pitches.sort(null);
    return pitches.get(pitches.size() / 2);
  }
}
