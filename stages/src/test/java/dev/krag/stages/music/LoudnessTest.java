package dev.krag.stages.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.krag.stages.Ebur128;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The loudness meter against ffmpeg's EBU R128 meter, on the same samples. */
class LoudnessTest {

  @Test
  void aFullScaleSineAt997HzReadsAsTheStandardSays() {
    // BS.1770: a 0 dBFS 997 Hz sine measures −3.01 LKFS.
    short[] sine = sine(997, 32767, 10);

    assertThat(Loudness.integrated(sine)).isCloseTo(-3.01, offset(0.05));
    assertThat(Loudness.truePeak(sine)).isCloseTo(0.0, offset(0.05));
  }

  /**
   * The meter interpolates only near the loudest samples; it must find what interpolating every
   * sample finds, here where the true peak lies in a stretch quieter, sample by sample, than a
   * click elsewhere: a quarter-rate sine sampled between its crests (samples at 0.71 of a crest of
   * 1.0) after a click of 0.8.
   */
  @Test
  void skippingQuietStretchesFindsTheSamePeakAsInterpolatingEverywhere() {
    Random random = new Random(11);
    double[] signal = new double[48_000];
    for (int i = 0; i < signal.length; i++) {
      signal[i] = 0.05 * random.nextGaussian();
    }
    signal[1_000] = 0.8;
    for (int i = 30_000; i < 30_400; i++) {
      signal[i] = Math.sin(Math.PI / 2 * i + Math.PI / 4);
    }
    double everywhere = java.util.Arrays.stream(Loudness.truePeaks(signal)).max().orElseThrow();

    assertThat(everywhere).as("the peak is between the sine's samples").isGreaterThan(0.95);
    assertThat(Loudness.maxPeak(i -> signal[i], signal.length)).isCloseTo(everywhere, offset(1e-12));
    for (int trial = 0; trial < 20; trial++) {
      double[] noise = new double[5_000 + random.nextInt(5_000)];
      double scale = random.nextDouble();
      for (int i = 0; i < noise.length; i++) {
        noise[i] = scale * Math.tanh(2 * random.nextGaussian()) * (random.nextInt(50) == 0 ? 1 : 0.3);
      }
      double full = java.util.Arrays.stream(Loudness.truePeaks(noise)).max().orElseThrow();
      assertThat(Loudness.maxPeak(i -> noise[i], noise.length)).as("trial " + trial).isCloseTo(full, offset(1e-12));
    }
  }

  @Test
  void aSineAgreesWithFfmpeg() throws Exception {
    short[] sine = sine(1000, 8000, 8);

    assertAgrees(sine);
  }

  @Test
  void pinkNoiseAgreesWithFfmpeg() throws Exception {
    assertAgrees(pink(20, 6000, 7));
  }

  @Test
  void aQuarterRateSineHasATruePeakAboveItsSamples() throws Exception {
    // 12 kHz sampled at 48 kHz with a 45° phase: every sample sits at 0.707 of the crest.
    short[] samples = new short[48_000 * 3];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (short) Math.round(20_000 * Math.sin(2 * Math.PI * i / 4.0 + Math.PI / 4));
    }
    double samplePeak = 20 * Math.log10(20_000 * Math.sqrt(0.5) / 32768.0);

    assertThat(samplePeak).isCloseTo(-7.30, offset(0.01));
    assertThat(Loudness.truePeak(samples)).isCloseTo(20 * Math.log10(20_000 / 32768.0), offset(0.2));
    assertAgrees(samples);
  }

  @Test
  void silenceIsGatedOut() {
    assertThat(Loudness.integrated(new short[48_000 * 2])).isEqualTo(Loudness.SILENCE);
  }

  static void assertAgrees(short[] samples) throws Exception {
    Ebur128.Reading ffmpeg = Ebur128.measure(samples);
    System.out.printf("loudness %.2f LUFS (ffmpeg %.2f), true peak %.2f dBTP (ffmpeg %.2f)%n", Loudness.integrated(samples),
        ffmpeg.integrated(), Loudness.truePeak(samples), ffmpeg.truePeak());
    assertThat(Loudness.integrated(samples)).as("integrated loudness against ffmpeg").isCloseTo(ffmpeg.integrated(), offset(0.5));
    assertThat(Loudness.truePeak(samples)).as("true peak against ffmpeg").isCloseTo(ffmpeg.truePeak(), offset(0.5));
  }

  static short[] sine(double hz, double amplitude, double seconds) {
    short[] out = new short[(int) (48_000 * seconds)];
    for (int i = 0; i < out.length; i++) {
      out[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * i / 48_000));
    }
    return out;
  }

  /** Pink noise by Paul Kellett's filter, scaled to a given peak. */
  static short[] pink(double seconds, double peak, long seed) {
    Random random = new Random(seed);
    double[] x = new double[(int) (48_000 * seconds)];
    double b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0;
    double max = 0;
    for (int i = 0; i < x.length; i++) {
      double white = random.nextGaussian();
      b0 = 0.99886 * b0 + white * 0.0555179;
      b1 = 0.99332 * b1 + white * 0.0750759;
      b2 = 0.96900 * b2 + white * 0.1538520;
      b3 = 0.86650 * b3 + white * 0.3104856;
      b4 = 0.55000 * b4 + white * 0.5329522;
      b5 = -0.7616 * b5 - white * 0.0168980;
      x[i] = b0 + b1 + b2 + b3 + b4 + b5 + b6 + white * 0.5362;
      b6 = white * 0.115926;
      max = Math.max(max, Math.abs(x[i]));
    }
    short[] out = new short[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = (short) Math.round(x[i] / max * peak);
    }
    return out;
  }
}
