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
}
