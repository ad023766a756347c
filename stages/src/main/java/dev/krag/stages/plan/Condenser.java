package dev.krag.stages.plan;

import dev.krag.schemas.Scene;
import dev.krag.schemas.StoryCharacter;
import dev.krag.stages.parse.CharacterMatcher;
import dev.krag.stages.text.Sentence;
import dev.krag.stages.text.Sentences;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Shortens a story to a word budget by keeping whole sentences, never writing new ones: every
 * scene keeps its first sentence (so every scene still gets a shot) and, within its share of the
 * budget, the sentences that name the most characters, in their original order.
 */
final class Condenser {

  private Condenser() {}

  /** Each scene's text, cut to about its share of {@code wordBudget}. */
  static List<String> condense(List<Scene> scenes, List<StoryCharacter> characters, int wordBudget) {
    int storyWords = scenes.stream().mapToInt(s -> dev.krag.stages.text.Words.count(s.getText())).sum();
    List<CharacterMatcher> matchers = characters.stream().map(c -> CharacterMatcher.of(c, characters)).toList();
    List<String> condensed = new ArrayList<>();
    for (Scene scene : scenes) {
      List<Sentence> sentences = Sentences.split(scene.getText());
      int sceneWords = sentences.stream().mapToInt(Sentence::words).sum();
      int share = (int) Math.round((double) wordBudget * sceneWords / Math.max(1, storyWords));
      condensed.add(keep(sentences, matchers, share));
    }
    return condensed;
  }

  private static String keep(List<Sentence> sentences, List<CharacterMatcher> matchers, int share) {
    List<Integer> byImportance = IntStream.range(1, sentences.size()).boxed()
        .sorted(Comparator.<Integer>comparingLong(i -> mentions(sentences.get(i), matchers)).reversed()
            .thenComparingInt(i -> i))
        .toList();
    List<Integer> kept = new ArrayList<>(List.of(0));
    int words = sentences.getFirst().words();
    for (int i : byImportance) {
      int w = sentences.get(i).words();
      if (words + w <= share) {
        kept.add(i);
        words += w;
      }
    }
    return kept.stream().sorted().map(i -> sentences.get(i).text()).reduce((a, b) -> a + " " + b).orElse("");
  }

  private static long mentions(Sentence sentence, List<CharacterMatcher> matchers) {
    return matchers.stream().filter(m -> m.mentionedIn(sentence.text())).count();
  }
}
