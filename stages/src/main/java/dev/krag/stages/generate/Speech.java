package dev.krag.stages.generate;

/** Mono 16-bit PCM audio and the rate it was sampled at. */
public record Speech(short[] samples, int sampleRate) {

  public double seconds() {
    return samples.length / (double) sampleRate;
  }
}
