package dev.krag.stages.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.krag.stages.Ebur128;
import dev.krag.stages.Fixtures;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoundtrackTest {

  private static final int RATE = 48_000;
  private static final int TAIL = (int) (Soundtrack.CROSSFADE_SECONDS * RATE);
  private static final PiecePlayer PLAYER = Fixtures.MUSIC;

  @Test
  void stretchesOfOnePiecePlayedApartJoinAsThePiecePlayedThrough() {
    int first = 5 * RATE;
    int second = 4 * RATE;
    List<Soundtrack.Stretch> film = List.of(
        new Soundtrack.Stretch("scene-1", new short[first], PLAYER.play(Mood.CALM, 7, 0, first + TAIL)),
        new Soundtrack.Stretch("scene-1", new short[second], PLAYER.play(Mood.CALM, 7, 5.0, second + TAIL)));

    short[] track = Soundtrack.music(film, first + second);
    short[] through = PLAYER.play(Mood.CALM, 7, 0, first + second);

    // Around the join, away from the film's fades at both ends.
    int from = first - RATE / 2;
    int to = first + RATE / 2;
    assertThat(rms(slice(through, from, to))).as("music is playing there").isGreaterThan(300);
    assertThat(rms(difference(slice(track, from, to), slice(through, from, to))))
        .as("the join is the piece, within a hundredth of its level")
        .isLessThan(rms(slice(through, from, to)) / 100);
    short[] cold = new Synth().render(Composer.from(new Composer().compose(Mood.CALM, 9, 7), ticks(Mood.CALM, 5.0)), RATE / 2);
    assertThat(rms(difference(slice(through, first, first + RATE / 2), cold)))
        .as("played from the join itself, without the bar ahead, the notes already sounding there would be missing")
        .isGreaterThan(rms(slice(through, first, first + RATE / 2)) / 10);
  }

  @Test
  void aSceneChangeCrossfadesFromOnePieceToTheNext() {
    int first = 5 * RATE;
    int second = 6 * RATE;
    short[] calm = PLAYER.play(Mood.CALM, 1, 0, first + TAIL);
    short[] tense = PLAYER.play(Mood.TENSE, 2, 0, second + TAIL);
    List<Soundtrack.Stretch> film = List.of(new Soundtrack.Stretch("scene-1", new short[first], calm),
        new Soundtrack.Stretch("scene-2", new short[second], tense));

    short[] track = Soundtrack.music(film, first + second);

    assertThat(slice(track, RATE, first)).as("the first piece alone up to the change").isEqualTo(slice(calm, RATE, first));
    assertThat(slice(track, first + TAIL, first + 2 * TAIL)).as("the second alone after the crossfade")
        .isEqualTo(slice(tense, TAIL, 2 * TAIL));
    short[] middle = slice(track, first + TAIL / 3, first + 2 * TAIL / 3);
    assertThat(rms(difference(middle, slice(calm, first + TAIL / 3, first + 2 * TAIL / 3)))).as("both heard in the crossfade")
        .isGreaterThan(100);
    assertThat(rms(difference(middle, slice(tense, TAIL / 3, 2 * TAIL / 3)))).isGreaterThan(100);
  }

  @Test
  void aFilmsSoundIsAsLongAsItsPicturesAndAtBroadcastLoudness() throws Exception {
    short[] one = Narration.join(Narration.spoken("It happened that the cat met the fox in a forest."), Narration.silence(0.6));
    short[] two = Narration.join(Narration.spoken("Just then came a hunter with four dogs, and the fox ran."), Narration.silence(0.6));
    int title = (int) (3.5 * RATE);
    int end = 6 * RATE;
    List<Soundtrack.Stretch> film = List.of(
        new Soundtrack.Stretch("scene-1", new short[title], PLAYER.play(Mood.CALM, 1, 0, title + TAIL)),
        new Soundtrack.Stretch("scene-1", one, PLAYER.play(Mood.CALM, 1, 3.5, one.length + TAIL)),
        new Soundtrack.Stretch("scene-2", two, PLAYER.play(Mood.TENSE, 2, 0, two.length + TAIL)),
        new Soundtrack.Stretch("scene-2", new short[end], PLAYER.play(Mood.TENSE, 2, two.length / (double) RATE, end)));

    Soundtrack.Made made = new Soundtrack(new Mixer(Mixer.BROADCAST)).make(film);
    Ebur128.Reading ffmpeg = Ebur128.measure(made.mix().samples());

    assertThat(made.mix().samples()).hasSize(title + one.length + two.length + end);
    assertThat(ffmpeg.integrated()).isCloseTo(-16, offset(1.0));
    assertThat(ffmpeg.truePeak()).isLessThanOrEqualTo(-1.0);
    assertThat(made.mix().integratedLufs()).isCloseTo(ffmpeg.integrated(), offset(0.5));
    assertThat(Loudness.integrated(slice(made.mix().samples(), 0, 3 * RATE))).as("music on the title card").isGreaterThan(-40);
  }

  private static long ticks(Mood mood, double seconds) {
    return Math.round(seconds / Composer.barSeconds(mood) * Composer.BAR);
  }

  private static short[] slice(short[] samples, int from, int to) {
    return Arrays.copyOfRange(samples, from, to);
  }

  private static short[] difference(short[] a, short[] b) {
    short[] d = new short[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = (short) Math.clamp(a[i] - b[i], Short.MIN_VALUE, Short.MAX_VALUE);
    }
    return d;
  }

  private static double rms(short[] samples) {
    double sum = 0;
    for (short s : samples) {
      sum += (double) s * s;
    }
    return Math.sqrt(sum / samples.length);
  }
}
