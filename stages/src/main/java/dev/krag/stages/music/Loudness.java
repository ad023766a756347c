package dev.krag.stages.music;

import java.util.function.IntToDoubleFunction;

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
  /** Taps of the interpolator before the sample it interpolates after. */
  private static final int BEFORE = TAPS_PER_PHASE / 2 - 1;
  /**
   * The most an interpolated value can exceed the samples around it by: the largest sum of a
   * phase's absolute weights. A stretch whose samples, times this, stay under the peak found so
   * far cannot hold a higher one.
   */
  private static final double OVERSHOOT = overshoot();
  /** Samples per stretch the true-peak meter may skip; longer than the interpolator, so a stretch's taps reach its neighbours only. */
  private static final int SKIP = 64;

  /** Samples the true-peak meter reads at a time. */
  private static final int PEAK_CHUNK = 1 << 14;
  private static final int BLOCK = SAMPLE_RATE * 400 / 1000;
  private static final int STEP = BLOCK / 4;
  private static final double ABSOLUTE_GATE = -70;
  private static final double RELATIVE_GATE = -10;

  private Loudness() {}

  /** The integrated loudness in LUFS of 16-bit samples; {@link #SILENCE} when every block is gated out. */
  public static double integrated(short[] samples) {
    return integrated(i -> samples[i] / 32768.0, samples.length);
  }

  /** The integrated loudness in LUFS of samples where full scale is ±1. */
  public static double integrated(double[] samples) {
    return integrated(i -> samples[i], samples.length);
  }

  // The meters stream through the signal, keeping no copy of it: a twenty-minute film's sound is
  // 57.6 million samples, and copies of that size, many per mix, kept the collector at full stops.
  private static double integrated(IntToDoubleFunction sample, int length) {
    double[] blocks = blockPowers(kWeightedStepSums(sample, length));
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

  /** The true peak in dBTP of 16-bit samples. */
  public static double truePeak(short[] samples) {
    return decibels(maxPeak(i -> samples[i] / 32768.0, samples.length));
  }

  /** The true peak in dBTP of samples where full scale is ±1. */
  public static double truePeak(double[] samples) {
    return decibels(maxPeak(i -> samples[i], samples.length));
  }

  /**
   * The largest magnitude of the oversampled signal, interpolated only where it could exceed the
   * largest sample: near the loudest moments, a small part of speech or music. Exactly what
   * interpolating every sample gives.
   */
  static double maxPeak(IntToDoubleFunction sample, int length) {
    int stretches = (length + SKIP - 1) / SKIP;
    double[] loudest = new double[stretches];
    double max = 0;
    for (int i = 0; i < length; i++) {
      double a = Math.abs(sample.applyAsDouble(i));
      loudest[i / SKIP] = Math.max(loudest[i / SKIP], a);
      max = Math.max(max, a);
    }
    double[] window = new double[SKIP + TAPS_PER_PHASE];
    for (int s = 0; s < stretches; s++) {
      double near = Math.max(loudest[s], Math.max(s > 0 ? loudest[s - 1] : 0, s + 1 < stretches ? loudest[s + 1] : 0));
      if (near * OVERSHOOT <= max) {
        continue;
      }
      int start = s * SKIP;
      int end = Math.min(length, start + SKIP);
      fill(window, sample, length, start, end);
      for (int n = start; n < end; n++) {
        max = peakBetween(window, n - start, max);
      }
    }
    return max;
  }

  /**
   * The largest magnitude of the oversampled signal from each sample to the next: the sample itself
   * and the three values the interpolator puts between it and its successor.
   */
  static double[] truePeaks(double[] x) {
    double[] out = new double[x.length];
    double[] window = new double[PEAK_CHUNK + TAPS_PER_PHASE];
    for (int start = 0; start < x.length; start += PEAK_CHUNK) {
      int end = Math.min(x.length, start + PEAK_CHUNK);
      fill(window, i -> x[i], x.length, start, end);
      for (int n = start; n < end; n++) {
        out[n] = peakBetween(window, n - start, Math.abs(window[n - start + BEFORE]));
      }
    }
    return out;
  }

  /**
   * The samples the interpolator reads for samples {@code start} to {@code end}: {@code window[j]}
   * holds sample {@code start - BEFORE + j}, silence beyond the ends, so the inner loop runs
   * without a bounds test.
   */
  private static void fill(double[] window, IntToDoubleFunction sample, int length, int start, int end) {
    for (int j = 0; j < end - start + TAPS_PER_PHASE - 1; j++) {
      int i = start - BEFORE + j;
      window[j] = i >= 0 && i < length ? sample.applyAsDouble(i) : 0;
    }
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

  private static double overshoot() {
    double most = 1;
    for (int phase = 1; phase < OVERSAMPLING; phase++) {
      double sum = 0;
      for (double weight : PHASES[phase]) {
        sum += Math.abs(weight);
      }
      most = Math.max(most, sum);
    }
    return most;
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

  /**
   * The K-weighted signal's sum of squares over each 100 ms step; a partial step at the end is
   * dropped. K-weighting is BS.1770's two stages at 48 kHz: a high shelf for the head, then the RLB
   * high-pass.
   */
  private static double[] kWeightedStepSums(IntToDoubleFunction sample, int length) {
    double[] stepSums = new double[length / STEP];
    double sx1 = 0;
    double sx2 = 0;
    double sy1 = 0;
    double sy2 = 0;
    double hy1 = 0;
    double hy2 = 0;
    int n = 0;
    for (int s = 0; s < stepSums.length; s++) {
      double sum = 0;
      for (int end = n + STEP; n < end; n++) {
        double x = sample.applyAsDouble(n);
        double shelf = 1.53512485958697 * x - 2.69169618940638 * sx1 + 1.19839281085285 * sx2
            + 1.69065929318241 * sy1 - 0.73248077421585 * sy2;
        sx2 = sx1;
        sx1 = x;
        double y = shelf - 2.0 * sy1 + sy2 + 1.99004745483398 * hy1 - 0.99007225036621 * hy2;
        sy2 = sy1;
        sy1 = shelf;
        hy2 = hy1;
        hy1 = y;
        sum += y * y;
      }
      stepSums[s] = sum;
    }
    return stepSums;
  }

  /** Mean square of every 400 ms block, a new block each 100 ms. */
  private static double[] blockPowers(double[] stepSums) {
    if (stepSums.length < 4) {
      return new double[0];
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
