package dev.krag.stages.music;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SynthTest {

  private final Composer composer = new Composer();

  @Test
  void playsAMinuteOfMusicMuchFasterThanRealTime() {
    Synth synth = new Synth();
    assertThat(Synth.offline()).as("krag's JVM flags export com.sun.media.sound").isTrue();
    synth.render(composer.compose(Mood.CALM, 5, 1), 5 * 48_000); // warm up

    long started = System.nanoTime();
    short[] music = synth.render(composer.compose(Mood.JOYFUL, 60, 1), 60 * 48_000);
    double seconds = (System.nanoTime() - started) / 1e9;

    System.out.printf("60 s of music played in %.2f s: %.0f× real time, %s%n", seconds, 60 / seconds, synth.credit());
    assertThat(music).hasSize(60 * 48_000);
    assertThat(60 / seconds).as("seconds of music per second of playing").isGreaterThan(5);
    assertThat(Loudness.integrated(music)).as("audible").isGreaterThan(-45);
  }

  @Test
  void withoutTheSoundFontItPlaysTheJdksOwnSounds() {
    Synth synth = new Synth(Path.of("/nonexistent.sf2"));

    assertThat(synth.credit()).contains("Gervill").doesNotContain("FluidR3");
    assertThat(Loudness.integrated(synth.render(composer.compose(Mood.DARK, 6, 1), 6 * 48_000))).isGreaterThan(-50);
  }

  @Test
  void thePublicMidiFileRouteAlsoPlays() throws Exception {
    byte[] pcm = Synth.throughFileReader(composer.compose(Mood.TENDER, 6, 1), 6 * 48_000);
    short[] music = new short[pcm.length / 2];
    for (int i = 0; i < music.length; i++) {
      music[i] = (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8));
    }

    assertThat(music).hasSize(6 * 48_000);
    assertThat(Loudness.integrated(music)).isGreaterThan(-50);
  }
}
