package dev.krag.stages.generate;

/** Mono 16-bit PCM audio and the rate it was sampled at. */
public record Speech(short[] samples, int sampleRate) {

  public double seconds() {
    return samples.length / (double) sampleRate;
  }

  /**
   * The same audio at another sample rate, by linear interpolation: enough for speech, which
   * keeps little above the 8 kHz a 16 kHz voice can hold.
   */
  public Speech resampled(int rate) {
    if (rate == sampleRate || samples.length == 0) {
      return new Speech(samples, rate);
    }
    short[] out = new short[(int) Math.round(samples.length * (double) rate / sampleRate)];
    double step = sampleRate / (double) rate;
    for (int i = 0; i < out.length; i++) {
      double at = i * step;
      int j = (int) at;
      if (j + 1 >= samples.length) {
        out[i] = samples[samples.length - 1];
        continue;
      }
      double t = at - j;
      out[i] = (short) Math.round(samples[j] * (1 - t) + samples[j + 1] * t);
    }
    return new Speech(out, rate);
  }
}
