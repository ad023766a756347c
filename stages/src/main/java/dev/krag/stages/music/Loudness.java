package dev.krag.stages.music;

/**
 * Integrated loudness and true peak of mono 48 kHz audio, as ITU-R BS.1770-4 and EBU R128 define
 * them: K-weighted mean square over 400 ms blocks that overlap by 75 %, gated absolutely at
 * −70 LUFS and then relatively 10 LU below the loudness of the blocks that passed; the true peak
 * from the signal oversampled four times by a polyphase FIR interpolator.
 */
public final class Loudness {

  public static final int SAMPLE_RATE = 48_000;
  /** What a block below every gate, or silence, measures. */
  public static final double SILENCE = Double.NEGATIVE_INFINITY;

  static final int OVERSAMPLING = 4;
  /** Taps per phase of the true-peak interpolator; 48 in all, as many as BS.1770-4's example filter. */
  static final int TAPS_PER_PHASE = 12;
  private static final double[][] PHASES = interpolator();

  private static final int BLOCK = SAMPLE_RATE * 400 / 1000;
  private static final int STEP = BLOCK / 4;
  private static final double ABSOLUTE_GATE = -70;
  private static final double RELATIVE_GATE = -10;

  private Loudness() {}

  /** The integrated loudness in LUFS of 16-bit samples; {@link #SILENCE} when every block is gated out. */
  public static double integrated(short[] samples) {
    return integrated(toDouble(samples));
  }

  /** The integrated loudness in LUFS of samples where full scale is ±1. */
  public static double integrated(double[] samples) {
    double[] blocks = blockPowers(kWeighted(samples));
    double sum = 0;
    int count = 0;
    for (double p : blocks) {
      if (loudness(p) > ABSOLUTE_GATE) {
        sum += p;
        count++;
      }
    }
    if (count == 0) {
      return SILENCE;
    }
    double relativeGate = loudness(sum / count) + RELATIVE_GATE;
    sum = 0;
    count = 0;
    for (double p : blocks) {
      double l = loudness(p);
      if (l > ABSOLUTE_GATE && l > relativeGate) {
        sum += p;
        count++;
      }
    }
    return count == 0 ? SILENCE : loudness(sum / count);
  }

  /** The true peak in dBTP of 16-bit samples (full scale 32768). */
  public static double truePeak(short[] samples) {
    return truePeak(toDouble(samples));
  }

  /** The true peak in dBTP of samples where full scale is ±1. */
  public static double truePeak(double[] samples) {
    double[] peaks = truePeaks(samples);
    double max = 0;
    for (double p : peaks) {
      max = Math.max(max, p);
    }
    return decibels(max);
  }

  /**
   * The largest magnitude of the oversampled signal from each sample to the next: the sample itself
   * and the three values the interpolator puts between it and its successor.
   */
  static double[] truePeaks(double[] x) {
    double[] out = new double[x.length];
    int half = TAPS_PER_PHASE / 2;
    // Inside, every tap has a sample and the loops run without a bounds test; the edges are padded.
    int first = half - 1;
    int last = x.length - half - 1;
    for (int n = 0; n < x.length; n++) {
      out[n] = n >= first && n <= last ? peakBetween(x, n - half + 1, Math.abs(x[n])) : peakAtEdge(x, n);
    }
    return out;
  }

  /** The largest of {@code peak} and the three interpolated values from the window starting at {@code from}. */
  private static double peakBetween(double[] x, int from, double peak) {
    for (int phase = 1; phase < OVERSAMPLING; phase++) {
      double[] h = PHASES[phase];
      double acc = 0;
      for (int k = 0; k < TAPS_PER_PHASE; k++) {
        acc += h[k] * x[from + k];
      }
      peak = Math.max(peak, Math.abs(acc));
    }
    return peak;
  }

  /** As {@link #peakBetween}, with silence beyond the ends of the signal. */
  private static double peakAtEdge(double[] x, int n) {
    int half = TAPS_PER_PHASE / 2;
    double[] window = new double[TAPS_PER_PHASE];
    for (int k = 0; k < TAPS_PER_PHASE; k++) {
      int i = n - half + 1 + k;
      window[k] = i >= 0 && i < x.length ? x[i] : 0;
    }
    return peakBetween(window, 0, Math.abs(x[n]));
  }

  /**
   * A windowed-sinc low-pass at the original Nyquist frequency, split into its four phases:
   * phase p holds the weights that give the value p/4 of a sample after sample n from the samples
   * around it. A Kaiser window (β = 6) keeps the passband flat to about 20 kHz.
   */
  private static double[][] interpolator() {
    double[][] phases = new double[OVERSAMPLING][TAPS_PER_PHASE];
    int half = TAPS_PER_PHASE / 2;
    double beta = 6;
    for (int p = 0; p < OVERSAMPLING; p++) {
      double frac = p / (double) OVERSAMPLING;
      double sum = 0;
      for (int k = 0; k < TAPS_PER_PHASE; k++) {
        double t = (k - half + 1) - frac; // distance from the wanted point to sample n-half+1+k
        double w = kaiser(t / (half + 0.5), beta);
        phases[p][k] = sinc(t) * w;
        sum += phases[p][k];
      }
      for (int k = 0; k < TAPS_PER_PHASE; k++) {
        phases[p][k] /= sum; // unity gain at DC for every phase
      }
    }
    return phases;
  }

  private static double sinc(double t) {
    return t == 0 ? 1 : Math.sin(Math.PI * t) / (Math.PI * t);
  }

  private static double kaiser(double x, double beta) {
    return Math.abs(x) > 1 ? 0 : bessel0(beta * Math.sqrt(1 - x * x)) / bessel0(beta);
  }

  private static double bessel0(double x) {
    double sum = 1;
    double term = 1;
    for (int k = 1; k < 30; k++) {
      term *= (x / (2 * k)) * (x / (2 * k));
      sum += term;
    }
    return sum;
  }

  /** BS.1770's two-stage K-weighting (a high shelf for the head, then the RLB high-pass), at 48 kHz. */
  static double[] kWeighted(double[] x) {
    double[] shelf = biquad(x, new double[] {1.53512485958697, -2.69169618940638, 1.19839281085285},
        new double[] {-1.69065929318241, 0.73248077421585});
    return biquad(shelf, new double[] {1.0, -2.0, 1.0}, new double[] {-1.99004745483398, 0.99007225036621});
  }

  private static double[] biquad(double[] x, double[] b, double[] a) {
    double[] y = new double[x.length];
    double x1 = 0;
    double x2 = 0;
    double y1 = 0;
    double y2 = 0;
    for (int n = 0; n < x.length; n++) {
      double v = b[0] * x[n] + b[1] * x1 + b[2] * x2 - a[0] * y1 - a[1] * y2;
      x2 = x1;
      x1 = x[n];
      y2 = y1;
      y1 = v;
      y[n] = v;
    }
    return y;
  }

  /** Mean square of every 400 ms block, a new block each 100 ms; a partial block at the end is dropped. */
  private static double[] blockPowers(double[] weighted) {
    if (weighted.length < BLOCK) {
      return new double[0];
    }
    double[] stepSums = new double[weighted.length / STEP];
    for (int s = 0; s < stepSums.length; s++) {
      double sum = 0;
      for (int i = s * STEP; i < (s + 1) * STEP; i++) {
        sum += weighted[i] * weighted[i];
      }
      stepSums[s] = sum;
    }
    double[] blocks = new double[stepSums.length - 3];
    for (int b = 0; b < blocks.length; b++) {
      blocks[b] = (stepSums[b] + stepSums[b + 1] + stepSums[b + 2] + stepSums[b + 3]) / BLOCK;
    }
    return blocks;
  }

  private static double loudness(double meanSquare) {
    return meanSquare <= 0 ? SILENCE : -0.691 + 10 * Math.log10(meanSquare);
  }

  static double decibels(double amplitude) {
    return amplitude <= 0 ? SILENCE : 20 * Math.log10(amplitude);
  }

  static double[] toDouble(short[] samples) {
    double[] out = new double[samples.length];
    for (int i = 0; i < samples.length; i++) {
      out[i] = samples[i] / 32768.0;
    }
    return out;
  }
}
