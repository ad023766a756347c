package dev.krag.stages.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krag.schemas.Location;
import dev.krag.schemas.Scene;
import dev.krag.schemas.StoryCharacter;
import dev.krag.stages.SharedStories;
import dev.krag.stages.SharedStories.Tale;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LocalStoryParserTest {

  private final LocalStoryParser parser = new LocalStoryParser();

  @Test
  void findsTheFoxTheCatAndTheForest() {
    Tale tale = SharedStories.read(SharedStories.grimm("43-the-fox-and-the-cat.txt"));

    SceneGraph graph = parser.parse(tale.title(), tale.text());

    assertThat(graph.characters()).extracting(StoryCharacter::getName).contains("the fox", "the cat", "the hunter");
    StoryCharacter fox = graph.characters().stream().filter(c -> c.getName().equals("the fox")).findFirst().orElseThrow();
    assertThat(fox.getAliases()).contains("Mr Fox");
    assertThat(graph.characters()).extracting(StoryCharacter::getName).doesNotContain("Good", "Then", "Mr Fox");
    assertThat(graph.locations()).extracting(Location::getName).contains("the forest", "the tree");
    assertThat(graph.scenes()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(graph.scenes().getFirst().getCharacterIds()).contains("char-fox", "char-cat");
  }

  @ParameterizedTest
  @MethodSource("dev.krag.stages.SharedStories#allGrimm")
  void scenesCoverTheWholeStoryInOrder(Path file) {
    Tale tale = SharedStories.read(file);

    SceneGraph graph = parser.parse(tale.title(), tale.text());

    assertThat(graph.scenes()).isNotEmpty();
    assertThat(graph.characters()).isNotEmpty();
    int expectedStart = 0;
    for (Scene scene : graph.scenes()) {
      assertThat(tale.text().substring(expectedStart, scene.getStartOffset())).isBlank();
      assertThat(scene.getText()).isNotBlank();
      assertThat(scene.getSummary()).isNotBlank();
      expectedStart = scene.getEndOffset();
    }
    assertThat(tale.text().substring(expectedStart)).isBlank();
  }

  @Test
  void aStoryWithoutPlacesStillHasAScene() {
    SceneGraph graph = parser.parse("Tiny", "Anna laughed. Anna sang. Then Anna slept soundly.");

    assertThat(graph.scenes()).hasSize(1);
    assertThat(graph.scenes().getFirst().getLocationId()).isEqualTo(Ids.UNKNOWN_LOCATION);
    assertThat(graph.characters()).extracting(StoryCharacter::getName).containsExactly("Anna");
  }

  @Test
  void placesAreNamedByTheStorysOwnWordsAndRoomsAreTheHouse() {
    SceneGraph graph = parser.parse("Places", """
        She walked in the wood. Deeper in the wood she met a wolf, and she ran out of the forest to
        her grandmother's house. She went into the room and sat down at the table. She lay down
        under a tree and thought of the wealth of the kingdom. Then she went into my father's
        garden.""");

    assertThat(graph.locations()).extracting(Location::getName)
        .containsExactlyInAnyOrder("the wood", "the house", "the garden");
  }

  @Test
  void aClosingSentenceEndsTheLastSceneInsteadOfMakingOne() {
    String long1 = "Early in the morning the girl went into the forest and walked for a long time. ".repeat(4);
    String long2 = "The next day the girl went to the village and talked to many people there. ".repeat(4);

    SceneGraph graph = parser.parse("Tail", long1 + long2 + "Then they lived happily.");

    assertThat(graph.scenes()).hasSize(2);
    assertThat(graph.scenes().getLast().getText()).endsWith("Then they lived happily.");
  }
}
