package dev.krag.stages.generate;

import dev.krag.stages.cost.Prices;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** What the remote voices share: how fast krag asks them to read, and the raw audio they answer with. */
final class RemoteSpeech {

  /** The pace the voices read at when asked for no other speed. */
  static final double NATURAL_WORDS_PER_MINUTE = 150;
  /** Both providers' raw PCM: 24 kHz. */
  static final int SAMPLE_RATE = 24_000;

  private RemoteSpeech() {}

  /** The speed factor for a pace, within what the provider accepts. */
  static double speed(int wordsPerMinute, double min, double max) {
    return Math.clamp(wordsPerMinute / NATURAL_WORDS_PER_MINUTE, min, max);
  }

  /** What reading the text costs: nothing for a text with nothing to read, which is never sent. */
  static double priceUsd(String model, String text) {
    return text.isBlank() ? 0.0 : text.codePointCount(0, text.length()) / 1000.0 * Prices.speechPer1k(model);
  }

  /** Raw 16-bit little-endian mono PCM at {@link #SAMPLE_RATE}; a last odd byte is half a sample, and dropped. */
  static Speech pcm(byte[] bytes) {
    short[] samples = new short[bytes.length / 2];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
    return new Speech(samples, SAMPLE_RATE);
  }

  static Speech silence() {
    return new Speech(new short[0], SAMPLE_RATE);
  }
}
