package dev.krag.stages.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.krag.stages.Ebur128;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The mix, measured by ffmpeg's EBU R128 meter as well as krag's own. */
class MixerTest {

  private static short[] narration;
  private static int firstSpoken;
  private static int pauseStart;
  private static int pauseEnd;

  @BeforeAll
  static void speak() {
    short[] one = Narration.spoken("It happened that the cat met the fox in a forest.");
    short[] two = Narration.spoken("Just then came a hunter with four dogs.");
    short[] lead = Narration.silence(2);
    short[] pause = Narration.silence(4);
    narration = Narration.join(lead, one, pause, two, Narration.silence(2));
    firstSpoken = lead.length;
    pauseStart = lead.length + one.length;
    pauseEnd = pauseStart + pause.length;
  }

  @Test
  void theMixMeetsBroadcastLoudnessByFfmpegsMeter() throws Exception {
    short[] music = new Synth().render(new Composer().compose(Mood.CALM, narration.length / 48_000.0, 1), narration.length);

    Mixer.Mixed mix = new Mixer(Mixer.BROADCAST).mix(narration, music);
    Ebur128.Reading ffmpeg = Ebur128.measure(mix.samples());

    System.out.printf("speech+music mix: %.2f LUFS, %.2f dBTP (ffmpeg %.2f LUFS, %.2f dBTP)%n", mix.integratedLufs(),
        mix.truePeakDbtp(), ffmpeg.integrated(), ffmpeg.truePeak());
    assertThat(ffmpeg.integrated()).isCloseTo(-16, offset(1.0));
    assertThat(ffmpeg.truePeak()).isLessThanOrEqualTo(-1.0);
    assertThat(mix.integratedLufs()).as("krag's meter against ffmpeg's").isCloseTo(ffmpeg.integrated(), offset(0.5));
    assertThat(mix.truePeakDbtp()).as("krag's meter against ffmpeg's").isCloseTo(ffmpeg.truePeak(), offset(0.5));
  }

  @Test
  void musicIsQuieterUnderSpeechThanInThePause() {
    // A 55 Hz tone for music: below the voice's pitch, so its level can be read through the speech.
    short[] tone = LoudnessTest.sine(55, 8000, narration.length / 48_000.0);

    short[] mix = new Mixer(Mixer.BROADCAST).mix(narration, tone).samples();
    double underSpeech = toneLevel(mix, firstSpoken + 24_000, pauseStart - 4_800);
    double inPause = toneLevel(mix, pauseStart + 48_000, pauseEnd - 24_000);

    System.out.printf("music under speech %.1f dB, in the pause %.1f dB; narration %.1f LUFS %.1f dBTP%n", underSpeech, inPause,
        Loudness.integrated(narration), Loudness.truePeak(narration));
    // 8 dB from the duck, and up to a few more where the limiter holds the voice's peaks down
    // (FreeTTS speaks with peaks 18 dB over its loudness; −16 LUFS under −1 dBTP leaves 15).
    assertThat(inPause - underSpeech).as("the pause lifts the music by").isBetween(6.0, 14.0);
  }

  @Test
  void theDuckFollowsTheVoiceQuicklyAndLetsGoSlowly() {
    Mixer mixer = new Mixer(Mixer.BROADCAST);
    double[] voice = Loudness.toDouble(narration);

    double[] gains = mixer.duckGainsDb(voice, Loudness.integrated(voice));

    assertThat(gains[firstSpoken / 2]).isCloseTo(-10, offset(0.1));
    assertThat(gains[firstSpoken + 24_000]).isCloseTo(-18, offset(0.5));
    assertThat(gains[pauseStart + 4_800]).as("still held down just after the words").isLessThan(-16);
    assertThat(gains[pauseStart + 3 * 48_000]).isCloseTo(-10, offset(0.1));
  }

  @Test
  void silenceStaysSilentAndMusicAloneIsBroughtToTheTarget() {
    short[] nothing = new short[48_000 * 10];
    assertThat(new Mixer(Mixer.BROADCAST).mix(nothing, nothing).samples()).containsOnly((short) 0);

    Mixer.Mixed music = new Mixer(Mixer.BROADCAST).mix(nothing, LoudnessTest.pink(10, 4000, 3));
    assertThat(music.integratedLufs()).isCloseTo(-16, offset(0.1));
    assertThat(music.truePeakDbtp()).isLessThanOrEqualTo(-1);
  }

  @Test
  void aLoudPeakIsLimitedUnderTheCeiling() {
    short[] clicks = LoudnessTest.sine(440, 600, 6);
    for (int i = 48_000; i < clicks.length; i += 48_000) {
      for (int j = 0; j < 200; j++) {
        clicks[i + j] = (short) (j % 2 == 0 ? 30_000 : -30_000);
      }
    }
    Mixer.Mixed mixed = new Mixer(Mixer.BROADCAST).mix(clicks, new short[clicks.length]);

    assertThat(mixed.truePeakDbtp()).isLessThanOrEqualTo(-1);
    assertThat(Loudness.truePeak(mixed.samples())).isLessThanOrEqualTo(-1);
    assertThat(mixed.integratedLufs()).isCloseTo(-16, offset(0.2));
  }

  /** The tone's level in dB over a stretch, by a Goertzel filter tuned to it. */
  private static double toneLevel(short[] samples, int from, int to) {
    double w = 2 * Math.PI * 55 / 48_000;
    double coefficient = 2 * Math.cos(w);
    double s1 = 0;
    double s2 = 0;
    for (int i = from; i < to; i++) {
      double s = samples[i] / 32768.0 + coefficient * s1 - s2;
      s2 = s1;
      s1 = s;
    }
    double power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
    return 10 * Math.log10(power / ((to - from) * (double) (to - from)));
  }
}
