package dev.krag.stages.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krag.schemas.StoryCharacter;
import dev.krag.stages.generate.Figure.Body;
import dev.krag.stages.generate.Figure.Headwear;
import dev.krag.stages.generate.Figure.Prop;
import dev.krag.stages.generate.Figure.Trait;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FigureTest {

  @ParameterizedTest(name = "{0}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      the fox            | a cunning fox                      | fox
      the cat            | modest cat                         | feline
      the wolf           | a wicked wolf                      | werewolf
      the dogs           | four dogs                          | sitting-dog
      the frog           | a frog, a king's son               | frog-prince
      the frog           | an ugly frog                       | frog
      the raven          | a black raven                      | raven
      Chanticleer        | a proud cock                       | rooster
      """)
  void animalsAreDrawnAsTheirSpecies(String name, String description, String icon) {
    Figure figure = Figure.of(character(name, description));

    assertThat(figure.body()).isEqualTo(Body.ICON);
    assertThat(figure.icon()).isEqualTo(icon);
  }

  @Test
  void beastsWithoutAnIconGetTheirOwnShapeAndYoungOnesAreSmaller() {
    assertThat(Figure.of(character("the horse", "a white horse")).body()).isEqualTo(Body.HORSE);
    assertThat(Figure.of(character("the donkey", "an old donkey")).body()).isEqualTo(Body.DONKEY);
    Figure mother = Figure.of(character("the goat", "an old goat"));
    Figure kids = Figure.of(character("the seven kids", "seven little kids"));
    assertThat(mother.body()).isEqualTo(Body.GOAT);
    assertThat(kids.scale()).isLessThan(mother.scale());
  }

  @Test
  void aPersonWearsAndCarriesWhatTheirRoleSays() {
    Figure witch = Figure.of(character("the witch", "a wicked old witch"));
    Figure king = Figure.of(character("the king", "an old king"));
    Figure hunter = Figure.of(character("the huntsman", "a huntsman"));
    Figure woodCutter = Figure.of(character("the father", "a poor wood-cutter"));
    Figure redCap = Figure.of(character("Little Red-Cap", "a sweet little girl with a red velvet cap"));
    Figure grandmother = Figure.of(character("the grandmother", "an old grandmother"));

    assertThat(witch.headwear()).isEqualTo(Headwear.POINTED_HAT);
    assertThat(witch.traits()).contains(Trait.DRESS, Trait.CLOAK, Trait.STOOPED);
    assertThat(king.headwear()).isEqualTo(Headwear.CROWN);
    assertThat(king.traits()).contains(Trait.BEARD).doesNotContain(Trait.DRESS);
    assertThat(hunter.prop()).isEqualTo(Prop.GUN);
    assertThat(hunter.headwear()).isEqualTo(Headwear.BRIMMED_HAT);
    assertThat(woodCutter.prop()).isEqualTo(Prop.AXE);
    assertThat(redCap.headwear()).isEqualTo(Headwear.HOOD);
    assertThat(redCap.prop()).isEqualTo(Prop.BASKET);
    assertThat(redCap.traits()).contains(Trait.CHILD, Trait.DRESS);
    assertThat(redCap.scale()).isLessThan(witch.scale());
    assertThat(grandmother.headwear()).isEqualTo(Headwear.BONNET);
    assertThat(grandmother.prop()).isEqualTo(Prop.STAFF);
  }

  /** A reader tells the cast apart: no two of a tale's characters share a look, even with one colour. */
  @Test
  void everyCharacterOfACastHasALookOfItsOwnWhateverItsColour() {
    FigurePainter painter = new FigurePainter();
    List<StoryCharacter> cast = List.of(character("the fox", "fox"), character("the cat", "cat"),
        character("the wolf", "wolf"), character("the dogs", "dogs"), character("the huntsman", "huntsman"),
        character("the witch", "old witch"), character("the king", "king"), character("the girl", "a little girl"),
        character("the boy", "a little boy"), character("the mother", "his mother"), character("the miller", "miller"),
        character("the horse", "horse"), character("the goat", "goat"), character("the bird", "a little bird"));

    Set<String> looks = new HashSet<>();
    cast.forEach(c -> looks.add(painter.look(Figure.of(c))));

    assertThat(looks).hasSameSizeAs(cast);
  }

  @Test
  void theCastsFirstEightCharactersHaveEightColours() {
    Set<Object> accents = new HashSet<>();
    for (int i = 0; i < 8; i++) {
      accents.add(Figure.of(StoryCharacter.newBuilder(character("the fox", "fox")).setCastIndex(i).build()).accent());
    }
    assertThat(accents).hasSize(8);
  }

  private static StoryCharacter character(String name, String description) {
    return StoryCharacter.newBuilder().setId("char-" + name.hashCode()).setName(name).setDescription(description).build();
  }
}
