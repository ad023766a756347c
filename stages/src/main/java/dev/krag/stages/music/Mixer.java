package dev.krag.stages.music;

/**
 * Lays music under narration the way broadcast asks for it: the music ducks while someone speaks
 * (a sidechain from the narration, quick to duck, slow to come back), the mix is brought to a
 * target integrated loudness (EBU R128: −16 LUFS for online video), and a look-ahead limiter keeps
 * the true peak under a ceiling. The loudness gain and the limiter are settled together, a few
 * rounds, since limiting takes a little loudness away.
 */
public final class Mixer {

  /**
   * What the mix aims for. Music levels are relative to the narration's integrated loudness:
   * {@code underSpeechDb} while a voice is heard, {@code inPausesDb} in pauses and on the cards.
   * The detector calls it speech when the narration's 10 ms level is within {@code speechRangeDb}
   * of its integrated loudness, keeps the music down for {@code holdSeconds} after the last word
   * and starts ducking {@code attackSeconds} before the first.
   */
  public record Settings(double targetLufs, double ceilingDbtp, double underSpeechDb, double inPausesDb,
      double attackSeconds, double releaseSeconds, double holdSeconds, double speechRangeDb) {

    /** The same mix with the limiter at another ceiling. */
    public Settings withCeiling(double dbtp) {
      return new Settings(targetLufs, dbtp, underSpeechDb, inPausesDb, attackSeconds, releaseSeconds, holdSeconds,
          speechRangeDb);
    }
  }

  /** −16 LUFS and −1 dBTP, music 18 dB under the voice and 8 dB up in the pauses. */
  public static final Settings BROADCAST = new Settings(-16, -1, -18, -10, 0.05, 0.4, 0.25, 20);

  /** The mix, and what it measures. */
  public record Mixed(short[] samples, double integratedLufs, double truePeakDbtp) {}

  private static final int RATE = Loudness.SAMPLE_RATE;
  /** The limiter looks 2 ms ahead: its gain falls over that long to meet a peak. */
  private static final int LOOK_AHEAD = RATE * 2 / 1000;
  private static final double LIMITER_RELEASE_SECONDS = 0.15;
  /**
   * The limiter aims this far under the ceiling: true-peak meters interpolate differently and
   * ffmpeg's reads up to a few tenths of a dB above krag's on the same samples.
   */
  static final double METER_MARGIN_DB = 0.2;

  private final Settings settings;

  public Mixer(Settings settings) {
    this.settings = settings;
  }

  /** Narration and music of the same length, mixed, brought to the target loudness and limited, in 16 bits. */
  public Mixed mix(short[] narration, short[] music) {
    if (narration.length != music.length) {
      throw new IllegalArgumentException("narration has " + narration.length + " samples, music " + music.length);
    }
    double[] voice = Loudness.toDouble(narration);
    double[] bed = Loudness.toDouble(music);
    double voiceLufs = Loudness.integrated(voice);
    double reference = voiceLufs == Loudness.SILENCE ? settings.targetLufs() : voiceLufs;
    double bedLufs = Loudness.integrated(bed);
    double[] mixed = voice.clone();
    if (bedLufs != Loudness.SILENCE) {
      double[] duck = duckGainsDb(voice, voiceLufs);
      double base = reference - bedLufs;
      double perDb = Math.log(10) / 20;
      for (int i = 0; i < mixed.length; i++) {
        mixed[i] += bed[i] * Math.exp((base + duck[i]) * perDb);
      }
    }
    return finish(mixed);
  }

  /**
   * The music's gain in dB relative to the narration, sample by sample: {@code inPausesDb} where
   * nobody speaks, {@code underSpeechDb} under speech, moving between them with the attack and
   * release time constants.
   */
  double[] duckGainsDb(double[] voice, double voiceLufs) {
    boolean[] speech = speech(voice, voiceLufs);
    double attack = 1 - Math.exp(-1 / (settings.attackSeconds() * RATE));
    double release = 1 - Math.exp(-1 / (settings.releaseSeconds() * RATE));
    double[] gains = new double[voice.length];
    double depth = 0; // 0 in a pause, 1 fully ducked
    for (int i = 0; i < voice.length; i++) {
      double wanted = speech[i] ? 1 : 0;
      depth += (wanted - depth) * (wanted > depth ? attack : release);
      gains[i] = settings.inPausesDb() + (settings.underSpeechDb() - settings.inPausesDb()) * depth;
    }
    return gains;
  }

  /** Where the narration speaks: its 10 ms level near its loudness, widened by the hold after and the attack before. */
  private boolean[] speech(double[] voice, double voiceLufs) {
    boolean[] speech = new boolean[voice.length];
    if (voiceLufs == Loudness.SILENCE) {
      return speech;
    }
    double threshold = Math.pow(10, (voiceLufs - settings.speechRangeDb()) / 10);
    double smoothing = 1 - Math.exp(-1 / (0.01 * RATE));
    double power = 0;
    boolean[] loud = new boolean[voice.length];
    for (int i = 0; i < voice.length; i++) {
      power += (voice[i] * voice[i] - power) * smoothing;
      loud[i] = power > threshold;
    }
    int hold = (int) (settings.holdSeconds() * RATE);
    int ahead = (int) (settings.attackSeconds() * RATE);
    int lastLoud = Integer.MIN_VALUE / 2;
    for (int i = 0; i < voice.length; i++) {
      if (loud[i]) {
        lastLoud = i;
      }
      speech[i] = i - lastLoud <= hold;
    }
    int nextLoud = Integer.MAX_VALUE / 2;
    for (int i = voice.length - 1; i >= 0; i--) {
      if (loud[i]) {
        nextLoud = i;
      }
      speech[i] |= nextLoud - i <= ahead;
    }
    return speech;
  }

  /** Gain to the target loudness and the limiter, settled in a few rounds; then 16 bits. */
  private Mixed finish(double[] mixed) {
    double loudness = Loudness.integrated(mixed);
    if (loudness == Loudness.SILENCE) {
      return new Mixed(new short[mixed.length], Loudness.SILENCE, Loudness.SILENCE);
    }
    double gainDb = settings.targetLufs() - loudness;
    double ceiling = settings.ceilingDbtp() - METER_MARGIN_DB;
    short[] out = null;
    double measured = loudness;
    double peak = 0;
    // Loudness grows by less than the gain where the limiter works: the secant between the last
    // two rounds says by how much.
    double lastGain = Double.NaN;
    double lastMeasured = Double.NaN;
    // The oversampled peaks of the mix scale with its gain: metered once, not every round.
    double[] peaks = Loudness.truePeaks(mixed);
    for (int round = 0; round < 10; round++) {
      out = limited(mixed, peaks, Math.pow(10, gainDb / 20), Math.pow(10, ceiling / 20));
      measured = Loudness.integrated(out);
      peak = Loudness.truePeak(out);
      boolean loudEnough = Math.abs(measured - settings.targetLufs()) < 0.1;
      boolean underCeiling = peak <= settings.ceilingDbtp() - METER_MARGIN_DB;
      if (loudEnough && underCeiling) {
        break;
      }
      if (!underCeiling) {
        ceiling -= peak - (settings.ceilingDbtp() - METER_MARGIN_DB) + 0.05;
      }
      if (!loudEnough) {
        double slope = Double.isNaN(lastGain) || gainDb == lastGain ? 1
            : Math.clamp((measured - lastMeasured) / (gainDb - lastGain), 0.2, 1);
        lastGain = gainDb;
        lastMeasured = measured;
        gainDb += (settings.targetLufs() - measured) / slope;
      }
    }
    return new Mixed(out, measured, peak);
  }

  /**
   * A look-ahead limiter on the true peak, in 16 bits: the gain each sample needs so the
   * oversampled signal around it stays under the ceiling, taken as the least over the next 2 ms,
   * averaged over 2 ms so it ramps down smoothly before a peak (the average of values each at most
   * the peak's need is at most that need), and let back up with a 150 ms release. The signal is
   * taken at {@code gain} times {@code x}, whose oversampled peaks are {@code peaks}. It runs in one
   * pass with 2 ms of state, no copy of the signal beside the result: a mix takes several rounds.
   */
  static short[] limited(double[] x, double[] peaks, double gain, double ceiling) {
    int n = x.length;
    short[] out = new short[n];
    // Indices whose need is rising from the front, with their needs: the front is the least need of the window ahead.
    int[] ahead = new int[Integer.highestOneBit(LOOK_AHEAD + 1) * 2];
    double[] aheadNeeds = new double[ahead.length];
    int mask = ahead.length - 1;
    int head = 0;
    int tail = 0;
    int added = 0;
    // The last LOOK_AHEAD + 1 least needs and their sum, for the ramp.
    double[] recent = new double[LOOK_AHEAD + 1];
    double recentSum = 0;
    double release = 1 - Math.exp(-1 / (LIMITER_RELEASE_SECONDS * RATE));
    double limit = 1;
    for (int i = 0; i < n; i++) {
      for (; added < n && added <= i + LOOK_AHEAD; added++) {
        double need = need(peaks[added], gain, ceiling);
        while (tail != head && aheadNeeds[(tail - 1) & mask] >= need) {
          tail--;
        }
        ahead[tail & mask] = added;
        aheadNeeds[tail++ & mask] = need;
      }
      while (ahead[head & mask] < i) {
        head++;
      }
      double least = aheadNeeds[head & mask];
      int slot = i % recent.length;
      recentSum += least - (i >= recent.length ? recent[slot] : 0);
      recent[slot] = least;
      double ramped = recentSum / Math.min(i + 1, recent.length);
      limit = ramped <= limit ? ramped : limit + (ramped - limit) * release;
      out[i] = (short) Math.clamp(Math.round(x[i] * gain * limit * 32768), Short.MIN_VALUE, Short.MAX_VALUE);
    }
    return out;
  }

  /** The gain a sample with this oversampled peak needs to stay under the ceiling at this gain. */
  private static double need(double peak, double gain, double ceiling) {
    double level = peak * gain;
    return level > ceiling ? ceiling / level : 1;
  }
}
