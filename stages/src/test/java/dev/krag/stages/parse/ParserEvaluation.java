package dev.krag.stages.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Scores a parse against hand-written gold labels. A found entity and a gold one match when any of
 * their names, stripped of articles and possessives, are equal, or when a found bare noun is the
 * head of a gold name ("the bird" for "the snow-white bird"). Each gold entity is matched at most
 * once: a second found entity for the same gold one (an alias the parser failed to merge) counts
 * against precision.
 */
final class ParserEvaluation {

  private static final Set<String> LEADING = Set.of("the", "a", "an", "his", "her", "their", "your", "my", "our", "poor", "dear");

  /** Matched, found and gold counts of one kind of entity in one tale. */
  record Score(int matched, int found, int gold) {
    double recall() {
      return gold == 0 ? 1 : matched / (double) gold;
    }

    double precision() {
      return found == 0 ? 1 : matched / (double) found;
    }

    Score plus(Score other) {
      return new Score(matched + other.matched, found + other.found, gold + other.gold);
    }
  }

  /** The gold labels of one tale. */
  record Gold(String title, List<List<String>> characters, List<List<String>> locations, int minScenes, int maxScenes) {

    /** The labels of a tale file in a labelled set: {@code gold} (the shared tales), {@code dev} (the dev set) or {@code heldout} (the examples). */
    static Gold of(String set, String taleFile) {
      String resource = "/" + set + "/" + taleFile.replace(".txt", ".json");
      try (InputStream in = ParserEvaluation.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("no gold labels at " + resource);
        }
        JsonNode root = new ObjectMapper().readTree(in);
        return new Gold(root.get("title").asText(), names(root.get("characters")), names(root.get("locations")),
            root.get("scenes").get("min").asInt(), root.get("scenes").get("max").asInt());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static List<List<String>> names(JsonNode entities) {
      List<List<String>> out = new ArrayList<>();
      for (JsonNode e : entities) {
        List<String> all = new ArrayList<>();
        all.add(e.get("name").asText());
        e.get("aliases").forEach(a -> all.add(a.asText()));
        out.add(all);
      }
      return out;
    }
  }

  private ParserEvaluation() {}

  static Score score(List<List<String>> found, List<List<String>> gold) {
    Set<Integer> claimed = new HashSet<>();
    int matched = 0;
    for (boolean headOnly : new boolean[] {false, true}) {
      for (List<String> entity : found) {
        if (headOnly && isMatchedAlready(entity, gold, claimed)) {
          continue;
        }
        for (int g = 0; g < gold.size(); g++) {
          if (!claimed.contains(g) && matches(entity, gold.get(g), headOnly)) {
            claimed.add(g);
            matched++;
            break;
          }
        }
      }
    }
    return new Score(matched, found.size(), gold.size());
  }

  /** Whether this found entity already took a gold one in the exact pass. */
  private static boolean isMatchedAlready(List<String> entity, List<List<String>> gold, Set<Integer> claimed) {
    return claimed.stream().anyMatch(g -> matches(entity, gold.get(g), false));
  }

  private static boolean matches(List<String> found, List<String> gold, boolean headOnly) {
    return found.stream().map(ParserEvaluation::normal).anyMatch(f -> gold.stream().map(ParserEvaluation::normal)
        .anyMatch(g -> headOnly ? !f.contains(" ") && (g.endsWith(" " + f) || g.equals(f)) : g.equals(f)));
  }

  static String normal(String name) {
    List<String> words = new ArrayList<>(Stream.of(name.toLowerCase(Locale.ROOT).replace('’', '\'').split("\\s+"))
        .filter(w -> !w.isBlank()).toList());
    while (words.size() > 1 && LEADING.contains(words.getFirst())) {
      words.removeFirst();
    }
    return String.join(" ", words);
  }
}
