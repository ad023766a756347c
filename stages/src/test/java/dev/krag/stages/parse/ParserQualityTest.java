package dev.krag.stages.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krag.schemas.Location;
import dev.krag.schemas.StoryCharacter;
import dev.krag.stages.SharedStories;
import dev.krag.stages.SharedStories.Tale;
import dev.krag.stages.parse.ParserEvaluation.Gold;
import dev.krag.stages.parse.ParserEvaluation.Score;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Recall and precision of the local parser against the hand-written gold labels of the shared
 * tales. The floors are just below the figures it reaches today (characters 0.98 / 0.96, locations
 * 0.87 / 0.90, scene counts in range for all eight tales), so a change that makes the parser worse
 * fails here; the aims were recall 0.85 and precision 0.8.
 */
class ParserQualityTest {

  static final double CHARACTER_RECALL_FLOOR = 0.97;
  static final double CHARACTER_PRECISION_FLOOR = 0.95;
  static final double LOCATION_RECALL_FLOOR = 0.87;
  static final double LOCATION_PRECISION_FLOOR = 0.90;

  /**
   * Floors at the latest measurement (characters 0.82 / 0.74, locations 0.58 / 0.52; it was 0.47 /
   * 0.62 and 0.42 / 0.50 before the rules were generalised on a separate dev set). Nobody tunes on
   * these stories: their labels and the parser's output on them stay unread while rules change.
   */
  static final double HELD_OUT_CHARACTER_RECALL_FLOOR = 0.81;
  static final double HELD_OUT_CHARACTER_PRECISION_FLOOR = 0.73;
  static final double HELD_OUT_LOCATION_RECALL_FLOOR = 0.57;
  static final double HELD_OUT_LOCATION_PRECISION_FLOOR = 0.51;

  /**
   * Floors just below the dev set's figures (characters 0.86 / 0.88, locations 0.85 / 0.74; at the
   * first measurement they were 0.57 / 0.71 and 0.63 / 0.68).
   */
  static final double DEV_CHARACTER_RECALL_FLOOR = 0.85;
  static final double DEV_CHARACTER_PRECISION_FLOOR = 0.87;
  static final double DEV_LOCATION_RECALL_FLOOR = 0.84;
  static final double DEV_LOCATION_PRECISION_FLOOR = 0.73;

  @Test
  void charactersAndLocationsAgainstTheGoldLabels() {
    Evaluation shared = evaluate("gold", SharedStories.allGrimm());

    assertThat(shared.characters().recall()).as(shared.report()).isGreaterThanOrEqualTo(CHARACTER_RECALL_FLOOR);
    assertThat(shared.characters().precision()).as(shared.report()).isGreaterThanOrEqualTo(CHARACTER_PRECISION_FLOOR);
    assertThat(shared.locations().recall()).as(shared.report()).isGreaterThanOrEqualTo(LOCATION_RECALL_FLOOR);
    assertThat(shared.locations().precision()).as(shared.report()).isGreaterThanOrEqualTo(LOCATION_PRECISION_FLOOR);
    assertThat(shared.scenesInRange()).as(shared.report()).isEqualTo(shared.tales());
  }

  /**
   * The same measure on stories the parser's rules were not written against (the examples, with
   * labels written before any parser output was seen): how well the rules carry to a new tale.
   */
  @Test
  void charactersAndLocationsOnHeldOutStories() {
    Evaluation heldOut = evaluate("heldout", SharedStories.examples());

    assertThat(heldOut.characters().recall()).as(heldOut.report()).isGreaterThanOrEqualTo(HELD_OUT_CHARACTER_RECALL_FLOOR);
    assertThat(heldOut.characters().precision()).as(heldOut.report()).isGreaterThanOrEqualTo(HELD_OUT_CHARACTER_PRECISION_FLOOR);
    assertThat(heldOut.locations().recall()).as(heldOut.report()).isGreaterThanOrEqualTo(HELD_OUT_LOCATION_RECALL_FLOOR);
    assertThat(heldOut.locations().precision()).as(heldOut.report()).isGreaterThanOrEqualTo(HELD_OUT_LOCATION_PRECISION_FLOOR);
  }

  /**
   * The same measure on the dev set: stories written and labelled for tuning the rules without
   * tuning them to the shared tales alone.
   */
  @Test
  void charactersAndLocationsOnTheDevSet() {
    Evaluation dev = evaluate("dev", SharedStories.dev());

    assertThat(dev.characters().recall()).as(dev.report()).isGreaterThanOrEqualTo(DEV_CHARACTER_RECALL_FLOOR);
    assertThat(dev.characters().precision()).as(dev.report()).isGreaterThanOrEqualTo(DEV_CHARACTER_PRECISION_FLOOR);
    assertThat(dev.locations().recall()).as(dev.report()).isGreaterThanOrEqualTo(DEV_LOCATION_RECALL_FLOOR);
    assertThat(dev.locations().precision()).as(dev.report()).isGreaterThanOrEqualTo(DEV_LOCATION_PRECISION_FLOOR);
  }

  record Evaluation(Score characters, Score locations, int scenesInRange, int tales, String report) {}

  private static Evaluation evaluate(String set, List<Path> tales) {
    Score characters = new Score(0, 0, 0);
    Score locations = new Score(0, 0, 0);
    int scenesInRange = 0;
    StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "%-44s %18s %18s %8s%n", set,
        "characters R / P", "locations R / P", "scenes"));
    for (Path file : tales) {
      Tale tale = SharedStories.read(file);
      Gold gold = Gold.of(set, file.getFileName().toString());
      SceneGraph graph = new LocalStoryParser().parse(tale.title(), tale.text());
      Score c = ParserEvaluation.score(graph.characters().stream().map(ParserQualityTest::names).toList(), gold.characters());
      Score l = ParserEvaluation.score(graph.locations().stream().map(ParserQualityTest::names).toList(), gold.locations());
      int scenes = graph.scenes().size();
      boolean inRange = scenes >= gold.minScenes() && scenes <= gold.maxScenes();
      scenesInRange += inRange ? 1 : 0;
      characters = characters.plus(c);
      locations = locations.plus(l);
      report.append(String.format(Locale.ROOT, "%-44s %8.2f / %5.2f   %8.2f / %5.2f   %3d %s%n", file.getFileName(),
          c.recall(), c.precision(), l.recall(), l.precision(), scenes, inRange ? "" : "(gold " + gold.minScenes() + "-" + gold.maxScenes() + ")"));
    }
    report.append(String.format(Locale.ROOT, "%-44s %8.2f / %5.2f   %8.2f / %5.2f   %d of %d in range%n", "all (micro)",
        characters.recall(), characters.precision(), locations.recall(), locations.precision(), scenesInRange, tales.size()));
    System.out.println(report);
    return new Evaluation(characters, locations, scenesInRange, tales.size(), report.toString());
  }

  @Test
  void theScorerCountsAnUnmergedAliasAgainstPrecision() {
    List<List<String>> gold = List.of(List.of("the stepmother", "the wife", "the woman"), List.of("Hansel", "the boy"));

    Score merged = ParserEvaluation.score(List.of(List.of("the wife", "the woman"), List.of("Hansel")), gold);
    Score split = ParserEvaluation.score(List.of(List.of("the wife"), List.of("the woman"), List.of("Hansel")), gold);

    assertThat(merged).isEqualTo(new Score(2, 2, 2));
    assertThat(split).isEqualTo(new Score(2, 3, 2));
  }

  private static List<String> names(StoryCharacter c) {
    List<String> all = new ArrayList<>(List.of(c.getName()));
    all.addAll(c.getAliases());
    return all;
  }

  private static List<String> names(Location l) {
    return Stream.of(l.getName()).toList();
  }
}
