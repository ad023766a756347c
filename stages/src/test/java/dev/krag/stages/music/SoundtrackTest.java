package dev.krag.stages.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.krag.stages.Ebur128;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoundtrackTest {

  private static final String CALM = "It happened that the cat met the fox in a forest.";
  private static final String TENSE = "Just then came a hunter with four dogs, and the fox ran.";

  @Test
  void eachSceneHasOnePieceAndTheCardsJoinTheScenesBesideThem() {
    List<Soundtrack.Stretch> film = List.of(
        card(3), shot("scene-1", CALM, 2), shot("scene-1", CALM, 2), shot("scene-2", TENSE, 3), card(6));
    Map<String, StringBuilder> texts = new LinkedHashMap<>();
    texts.put("scene-1", new StringBuilder(CALM));
    texts.put("scene-2", new StringBuilder(TENSE));

    List<Soundtrack.Part> parts = Soundtrack.parts(film, texts, Map.of("scene-1", Mood.CALM, "scene-2", Mood.TENSE));

    assertThat(parts).extracting(Soundtrack.Part::mood).containsExactly(Mood.CALM, Mood.TENSE);
    assertThat(parts).extracting(Soundtrack.Part::start).containsExactly(0, 7 * 48_000);
    assertThat(parts).extracting(Soundtrack.Part::length).containsExactly(7 * 48_000, 9 * 48_000);
    assertThat(Soundtrack.parts(film, texts, Map.of("scene-1", Mood.CALM, "scene-2", Mood.TENSE)))
        .as("the same scenes, the same seeds").isEqualTo(parts);
  }

  @Test
  void aFilmsSoundIsAsLongAsItsPicturesAndAtBroadcastLoudness() throws Exception {
    short[] one = Narration.join(Narration.spoken(CALM), Narration.silence(0.6));
    short[] two = Narration.join(Narration.spoken(TENSE), Narration.silence(0.6));
    List<Soundtrack.Stretch> film = List.of(card(3.5), new Soundtrack.Stretch("scene-1", CALM, one),
        new Soundtrack.Stretch("scene-2", TENSE, two), card(6));

    Soundtrack.Made made = new Soundtrack(new Composer(), new Synth(), new Mixer(Mixer.BROADCAST)).make(film);
    Ebur128.Reading ffmpeg = Ebur128.measure(made.mix().samples());

    assertThat(made.moods()).containsExactly(Map.entry("scene-1", Mood.CALM), Map.entry("scene-2", Mood.TENSE));
    assertThat(made.mix().samples()).hasSize(3 * 48_000 + 48_000 / 2 + one.length + two.length + 6 * 48_000);
    assertThat(ffmpeg.integrated()).isCloseTo(-16, offset(1.0));
    assertThat(ffmpeg.truePeak()).isLessThanOrEqualTo(-1.0);
    assertThat(made.mix().integratedLufs()).isCloseTo(ffmpeg.integrated(), offset(0.5));
    assertThat(Loudness.integrated(slice(made.mix().samples(), 0, 3 * 48_000))).as("music on the title card").isGreaterThan(-40);
  }

  private static Soundtrack.Stretch card(double seconds) {
    return new Soundtrack.Stretch(null, null, Narration.silence(seconds));
  }

  private static Soundtrack.Stretch shot(String scene, String narration, double seconds) {
    return new Soundtrack.Stretch(scene, narration, Narration.silence(seconds));
  }

  private static short[] slice(short[] samples, int from, int to) {
    return java.util.Arrays.copyOfRange(samples, from, to);
  }
}
