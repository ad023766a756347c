package dev.krag.stages.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krag.schemas.Location;
import dev.krag.schemas.Scene;
import dev.krag.schemas.StoryCharacter;
import dev.krag.stages.SharedStories;
import dev.krag.stages.SharedStories.Tale;
import java.nio.file.Path;
import java.util.List;
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
  void anAppositionRenamesTheRoleBeforeIt() {
    SceneGraph graph = parser.parse("Apposition", """
        The king, her father, asked what the matter was. The king was angry. Behind the coach rode
        the prince's servant, faithful Heinrich, who was glad.""");

    assertThat(character(graph, "the king").getAliases()).contains("the father");
    assertThat(character(graph, "Heinrich").getAliases()).contains("the servant");
  }

  @Test
  void whatACharacterBecomesOrTurnsOutToBeIsTheSameCharacter() {
    SceneGraph graph = parser.parse("Becoming", """
        A bear came to the door, and the bear growled. At last the bear lay down. In the morning
        there stood a handsome prince. He said that a wicked dwarf, who had changed him into a
        bear, was dead. The miller had a daughter. The king married the daughter, and she became
        queen. The queen was happy. An old woman lived in the wood. The old woman smiled; she was
        in reality a witch. The witch laughed, and the witch sang.""");

    assertThat(names(graph)).contains("the bear", "the daughter", "the witch").doesNotContain("the prince", "the queen", "the old woman");
    assertThat(character(graph, "the bear").getAliases()).contains("the prince");
    assertThat(character(graph, "the daughter").getAliases()).contains("the queen");
    assertThat(character(graph, "the witch").getAliases()).contains("the old woman");
  }

  @Test
  void aNameGivenToAPronounOrSaidInTheFirstPersonBelongsToWhoItMeans() {
    SceneGraph graph = parser.parse("Naming", """
        There was a little girl whom everyone loved; so she was always called 'Snowdrop.' One day
        Snowdrop went out. In the forest a funny little dwarf was dancing and singing: "Nobody
        knows that Tangleknot is my name!" Then the dwarf ran off.""");

    assertThat(character(graph, "Snowdrop").getAliases()).contains("the girl");
    assertThat(character(graph, "Tangleknot").getAliases()).contains("the dwarf");
  }

  @Test
  void kinTermsAreTheCharactersTheyPointAt() {
    SceneGraph graph = parser.parse("Kin", """
        A wood-cutter had two children. The boy was called Tom and the girl Anna. Tom took his
        little sister by the hand. Tom and Anna ran away. The children were hungry. Tom and Anna
        slept. An old goat who had seven little kids went out. 'Dear mother,' said the kids. Their
        mother came home.""");

    assertThat(character(graph, "Anna").getAliases()).contains("the sister");
    assertThat(names(graph)).doesNotContain("the children", "the mother");
    assertThat(character(graph, "the goat").getAliases()).contains("the mother");
  }

  @Test
  void theChildIsTheOnlyYoungOne() {
    SceneGraph graph = parser.parse("Child", """
        There was a very old man. The little grandson played on the ground. 'What are you doing?'
        asked the father. 'Making a trough,' answered the child.""");

    assertThat(character(graph, "the grandson").getAliases()).contains("the child");
  }

  @Test
  void theMillersDaughterIsTheDaughter() {
    SceneGraph graph = parser.parse("Possessive", "The king took the miller's daughter home. The miller's daughter wept.");

    assertThat(names(graph)).contains("the daughter");
  }

  @Test
  void passingFiguresAreNoCharacters() {
    SceneGraph graph = parser.parse("Passing", """
        The fox jumped like a tailor at his wedding. When a child came near, the fox hid. 'I saw my
        little white cat,' said the fox, 'your little cat.' The fox ran. The straw was spun into
        gold, and the straw was gone. The coal said nothing. 'Hush,' said the coal.""");

    assertThat(names(graph)).contains("the fox", "the coal").doesNotContain("the tailor", "the child", "the cat", "the straw");
  }

  @Test
  void whateverSpeaksOrDoesWhatOnlyTheLivingDoIsACharacter() {
    SceneGraph graph = parser.parse("Agents", """
        An old kettle hung over the fire. 'Do not sell me,' said the kettle. The lamp went out, and
        the wind rose. The mayor of the town laughed. The bell hung in the tower.""");

    assertThat(names(graph)).contains("the kettle", "the mayor").doesNotContain("the lamp", "the wind", "the bell");
  }

  @Test
  void aNumberOrACollectiveBringsOnAGroup() {
    SceneGraph graph = parser.parse("Groups", """
        The king sent out twelve soldiers. Far away a flock of gulls rose from the cliffs, and the
        gulls screamed. Then a hunter came with four dogs, and the dogs seized him.""");

    assertThat(names(graph)).contains("the soldiers", "the gulls", "the dogs");
  }

  @Test
  void whatSomeoneHasLacksOrIsTakenAsBringsNoOneOn() {
    SceneGraph graph = parser.parse("Attributes", """
        The queen had everything except a child. A coach drove up with eight horses, and the
        miller gave the tailor his daughter for a wife. An old beggar-woman came to the gate.""");

    assertThat(names(graph)).doesNotContain("the child", "the horses", "the wife", "the beggar");
  }

  @Test
  void aRoleCalledByANameIsThatNamesBearerAndATownIsNoOne() {
    SceneGraph graph = parser.parse("Names", """
        The inn belonged to a fat man called Bartholomew Crouch. The man laughed at the boy, and
        Bartholomew Crouch sang. The watchmen of Kessel came running, and the boy went to the
        market in Kessel.""");

    assertThat(character(graph, "Bartholomew Crouch").getAliases()).contains("the man");
    assertThat(names(graph)).doesNotContain("Kessel");
  }

  @Test
  void oneOfAGroupMakesBothTheGroupAndTheMemberCharacters() {
    SceneGraph graph = parser.parse("Group", "The queen waited. On the third day one of the messengers came back.");

    assertThat(names(graph)).contains("the messengers", "the messenger");
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
  void whereverTheStoryGoesTwiceIsAPlaceThoughNoWordListSaysSo() {
    SceneGraph graph = parser.parse("New places", """
        The girl rowed out to the island, and at dawn she came back from the island. The robbers
        carried the kettle off to the old quarry, and the watchmen came to the quarry at night. She
        stepped into the pan once. Then the princess ran to the door and back into the house.""");

    assertThat(graph.locations()).extracting(Location::getName)
        .contains("the island", "the quarry", "the house").doesNotContain("the pan", "the door");
  }

  @Test
  void anAdverbialOfTimeOpensANewScene() {
    String day = "The tailor sat in his house and sewed a coat for the mayor, stitch after stitch. ".repeat(4);

    SceneGraph graph = parser.parse("Times", day + "By noon " + day + "That same night " + day + "On Sunday " + day);

    assertThat(graph.scenes()).hasSize(4);
  }

  @Test
  void aBlankStoryHasNoScenes() {
    assertThat(parser.parse("Empty", "   ").scenes()).isEmpty();
  }

  @Test
  void aClosingSentenceEndsTheLastSceneInsteadOfMakingOne() {
    String long1 = "Early in the morning the girl went into the forest and walked for a long time. ".repeat(4);
    String long2 = "The next day the girl went to the village and talked to many people there. ".repeat(4);

    SceneGraph graph = parser.parse("Tail", long1 + long2 + "Then they lived happily.");

    assertThat(graph.scenes()).hasSize(2);
    assertThat(graph.scenes().getLast().getText()).endsWith("Then they lived happily.");
  }

  private static StoryCharacter character(SceneGraph graph, String name) {
    return graph.characters().stream().filter(c -> c.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError(name + " not among " + names(graph)));
  }

  private static List<String> names(SceneGraph graph) {
    return graph.characters().stream().map(StoryCharacter::getName).toList();
  }
}
