package dev.krag.stages.generate;

/** Reads narration aloud. */
public interface Voice {

  /** Which voice this is, for asset hashes and cost records. */
  String name();

  /** The narration spoken at about the given pace. */
  Speech speak(String text, int wordsPerMinute);
}
