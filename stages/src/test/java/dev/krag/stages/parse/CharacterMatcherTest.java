package dev.krag.stages.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krag.schemas.StoryCharacter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CharacterMatcherTest {

  private static final CharacterMatcher HUNTER = CharacterMatcher.of(StoryCharacter.newBuilder().setId("char-hunter")
      .setName("the hunter").setAliases(List.of("a huntsman")).setDescription("").build());
  private static final CharacterMatcher RED_CAP = CharacterMatcher.of(StoryCharacter.newBuilder().setId("char-red-cap")
      .setName("Little Red-Cap").setAliases(List.of("Red-Cap")).setDescription("").build());

  @Test
  void aRoleIsFoundByItsNounButNotInsideAnotherWord() {
    assertThat(HUNTER.mentionedIn("Just then came a hunter with four dogs.")).isTrue();
    assertThat(HUNTER.mentionedIn("The Huntsman saw her.")).isTrue();
    assertThat(HUNTER.mentionedIn("You piebald fool, you hungry mouse-hunter!")).isFalse();
    assertThat(HUNTER.mentionedIn("The hunters were gone.")).isFalse();
  }

  @Test
  void aHyphenatedNameIsFoundWhole() {
    assertThat(RED_CAP.mentionedIn("'Good day, Little Red-Cap,' said he.")).isTrue();
    assertThat(RED_CAP.mentionedIn("Red-Cap did not know what a wicked creature he was.")).isTrue();
  }

  @Test
  void twoRolesSharingANounAreToldApartByTheWordsBeforeIt() {
    StoryCharacter stepmother = role("char-woman", "the woman", "the wife");
    StoryCharacter witch = role("char-old-woman", "the old woman", "the witch");
    List<StoryCharacter> cast = List.of(stepmother, witch);
    CharacterMatcher woman = CharacterMatcher.of(stepmother, cast);
    CharacterMatcher oldWoman = CharacterMatcher.of(witch, cast);

    assertThat(woman.mentionedIn("Then the woman said, 'Get up, you sluggards.'")).isTrue();
    assertThat(oldWoman.mentionedIn("Then the woman said, 'Get up, you sluggards.'")).isFalse();
    assertThat(woman.mentionedIn("But the old woman nodded her head.")).isFalse();
    assertThat(oldWoman.mentionedIn("But the old woman nodded her head.")).isTrue();
    assertThat(oldWoman.mentionedIn("The witch lit the oven.")).isTrue();
    assertThat(CharacterMatcher.of(witch).mentionedIn("Then the woman said so.")).as("alone, by its noun").isTrue();
  }

  private static StoryCharacter role(String id, String name, String alias) {
    return StoryCharacter.newBuilder().setId(id).setName(name).setAliases(List.of(alias)).setDescription("").build();
  }
}
