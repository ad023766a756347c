package dev.krag.stages.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krag.stages.Fixtures;
import org.junit.jupiter.api.Test;

class PiecePlayerTest {

  private static final PiecePlayer PLAYER = Fixtures.MUSIC;

  @Test
  void theSameStretchIsTheSameSound() {
    assertThat(PLAYER.play(Mood.DARK, 5, 12.5, 48_000)).isEqualTo(PLAYER.play(Mood.DARK, 5, 12.5, 48_000));
  }

  @Test
  void aStretchOutsideAnyPieceIsRefusedWithItsReasonNotComposed() {
    assertThatThrownBy(() -> PLAYER.play(Mood.CALM, 1, -1, 48_000)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no such stretch of music");
    assertThatThrownBy(() -> PLAYER.play(Mood.CALM, 1, Double.NaN, 48_000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PLAYER.play(Mood.CALM, 1, 1e12, 48_000)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 21600 s");
    assertThatThrownBy(() -> Mood.named("GLOOMY")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no mood named 'GLOOMY'");
  }
}
