package dev.krag.stages.generate;

/** Reads narration aloud. */
public interface Voice {

  /** Which voice this is, for asset hashes and cost records. */
  String name();

  /** What reading the text costs: nothing, for a voice that runs here. */
  default double priceUsd(String text) {
    return 0;
  }

  /** The narration spoken at about the given pace. */
  Speech speak(String text, int wordsPerMinute);
}
