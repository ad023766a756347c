package dev.krag.stages.music;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MoodTest {

  @Test
  void cueWordsPickTheMood() {
    assertThat(Mood.of("The wolf waited in the dark wood all night.")).isEqualTo(Mood.DARK);
    assertThat(Mood.of("Just then came a hunter with four dogs, and the fox ran.")).isEqualTo(Mood.TENSE);
    assertThat(Mood.of("There was a great feast, and everyone was glad at the wedding.")).isEqualTo(Mood.JOYFUL);
    assertThat(Mood.of("The brave boy was crowned king.")).isEqualTo(Mood.TRIUMPHANT);
    assertThat(Mood.of("Her mother kissed the child gently.")).isEqualTo(Mood.TENDER);
  }

  @Test
  void noCueIsCalm() {
    assertThat(Mood.of("It happened that the cat met the fox in a forest.")).isEqualTo(Mood.CALM);
    assertThat(Mood.of("")).isEqualTo(Mood.CALM);
  }

  @Test
  void aTieGoesToTheDarkerMood() {
    assertThat(Mood.votes("The wicked witch held a feast.")).containsEntry(Mood.DARK, 2).containsEntry(Mood.JOYFUL, 1);
    assertThat(Mood.of("At night they danced.")).isEqualTo(Mood.DARK);
  }
}
