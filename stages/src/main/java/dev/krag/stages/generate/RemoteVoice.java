package dev.krag.stages.generate;

import dev.krag.stages.cost.Prices;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A voice behind a provider's speech API, answered as raw 16-bit little-endian mono PCM at
 * {@link #SAMPLE_RATE}, so no decoder is needed; priced by the characters it reads. A failed call
 * throws {@link dev.krag.stages.llm.ProviderException}, which the {@link Narrator} takes as "this
 * voice cannot speak it" and tries its next voice.
 */
abstract class RemoteVoice implements Voice {

  /** The pace the voices read at when asked for no other speed. */
  static final double NATURAL_WORDS_PER_MINUTE = 150;
  /** Both providers' raw PCM: 24 kHz. */
  static final int SAMPLE_RATE = 24_000;

  private final String provider;
  private final String model;
  private final String voice;

  RemoteVoice(String provider, String model, String voice) {
    this.provider = provider;
    this.model = model;
    this.voice = voice;
  }

  /** The raw PCM of the text read at about this pace. */
  abstract byte[] read(String model, String voice, String text, int wordsPerMinute);

  /** The model and the voice: two voices of one model are two voices, for asset hashes and for who read what. */
  @Override
  public final String name() {
    return provider + ":" + model + "/" + voice;
  }

  /** What reading the text costs: nothing for a text with nothing to read, which is never sent. */
  @Override
  public final double priceUsd(String text) {
    return text.isBlank() ? 0.0 : text.codePointCount(0, text.length()) / 1000.0 * Prices.speechPer1k(model);
  }

  @Override
  public final Speech speak(String text, int wordsPerMinute) {
    if (text.isBlank()) {
      return new Speech(new short[0], SAMPLE_RATE);
    }
    byte[] pcm = read(model, voice, text, wordsPerMinute);
    // A last odd byte is half a sample, and dropped.
    short[] samples = new short[pcm.length / 2];
    ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
    return new Speech(samples, SAMPLE_RATE);
  }

  /** The speed factor for a pace, within what the provider accepts. */
  static double speed(int wordsPerMinute, double min, double max) {
    return Math.clamp(wordsPerMinute / NATURAL_WORDS_PER_MINUTE, min, max);
  }
}
