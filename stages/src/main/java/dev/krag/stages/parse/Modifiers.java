package dev.krag.stages.parse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The words a story puts before a noun ("poor", "old", "wicked"), counted, to describe what it names. */
final class Modifiers {

  private final Map<String, Integer> counts = new LinkedHashMap<>();

  /** Counts the words of one noun phrase's modifier, leaving out determiners. */
  void add(String modifier) {
    for (String word : modifier.strip().toLowerCase(java.util.Locale.ROOT).split("\\s+")) {
      if (!word.isBlank() && !Lexicon.DETERMINERS.contains(word)) {
        counts.merge(word, 1, Integer::sum);
      }
    }
  }

  void addAll(Modifiers other) {
    other.counts.forEach((k, v) -> counts.merge(k, v, Integer::sum));
  }

  /** The noun with its three most used modifiers: "poor old wood-cutter". */
  String describe(String noun) {
    List<String> words = counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(3).map(Map.Entry::getKey).toList();
    return (String.join(" ", words) + " " + noun).strip();
  }
}
