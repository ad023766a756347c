package dev.krag.stages.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class FreeTtsVoiceTest {

  private final FreeTtsVoice voice = new FreeTtsVoice();

  @Test
  void speaksASentenceAtAboutTheAskedPace() throws Exception {
    String text = "The cat sprang nimbly up a tree, and sat down at the top of it.";

    Speech speech = voice.speak(text, 150);

    assertThat(speech.sampleRate()).isEqualTo(16_000);
    double wordsPerMinute = 15 * 60 / speech.seconds();
    assertThat(wordsPerMinute).isBetween(100.0, 220.0);
    assertThat(rms(speech.samples())).as("not silence").isGreaterThan(300);
  }

  @Test
  void survivesAWavRoundTrip() throws Exception {
    Speech speech = voice.speak("Good day, dear Mr Fox.", 150);

    Speech back = Wav.decode(new ByteArrayInputStream(Wav.encode(speech)));

    assertThat(back.samples()).isEqualTo(speech.samples());
    assertThat(back.sampleRate()).isEqualTo(speech.sampleRate());
  }

  private static double rms(short[] samples) {
    double sum = 0;
    for (short s : samples) {
      sum += (double) s * s;
    }
    return Math.sqrt(sum / samples.length);
  }
}
