package dev.krag.stages.music;

import dev.krag.stages.generate.FreeTtsVoice;
import dev.krag.stages.generate.Speech;

/** Spoken sentences with silence around them, at 48 kHz, for the mixer's tests. */
final class Narration {

  static final int RATE = 48_000;
  private static final FreeTtsVoice VOICE = new FreeTtsVoice();

  private Narration() {}

  /** A sentence spoken and brought to 48 kHz by linear interpolation. */
  static short[] spoken(String sentence) {
    Speech speech = VOICE.speak(sentence, 150);
    short[] in = speech.samples();
    double step = speech.sampleRate() / (double) RATE;
    short[] out = new short[(int) (in.length / step)];
    for (int i = 0; i < out.length; i++) {
      double at = i * step;
      int j = (int) at;
      double t = at - j;
      out[i] = (short) Math.round(in[j] * (1 - t) + (j + 1 < in.length ? in[j + 1] : 0) * t);
    }
    return out;
  }

  static short[] silence(double seconds) {
    return new short[(int) (seconds * RATE)];
  }

  static short[] join(short[]... parts) {
    int length = 0;
    for (short[] p : parts) {
      length += p.length;
    }
    short[] out = new short[length];
    int at = 0;
    for (short[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
