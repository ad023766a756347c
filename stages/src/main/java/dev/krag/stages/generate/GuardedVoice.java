package dev.krag.stages.generate;

import dev.krag.stages.llm.ProviderGuard;

/** A provider's voice behind the provider's guard. */
public final class GuardedVoice implements Voice {

  private final Voice voice;
  private final ProviderGuard guard;

  public GuardedVoice(Voice voice, ProviderGuard guard) {
    this.voice = voice;
    this.guard = guard;
  }

  @Override
  public String name() {
    return voice.name();
  }

  @Override
  public double priceUsd(String text) {
    return voice.priceUsd(text);
  }

  @Override
  public Speech speak(String text, int wordsPerMinute) {
    return guard.call(() -> voice.speak(text, wordsPerMinute));
  }
}
