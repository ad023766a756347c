package dev.krag.stages.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import dev.krag.stages.SharedStories;
import dev.krag.stages.text.Words;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MaryTtsVoiceTest {

  /** MaryTTS starts once per JVM; one voice for all tests. */
  private static final MaryTtsVoice VOICE = new MaryTtsVoice();
  private static final MaryTtsVoice CHARACTER = MaryTtsVoice.character();
  /** The paragraphs the rate was calibrated on: Hansel and Gretel's first two, 248 and 355 words. */
  private static final String[] PARAGRAPHS = SharedStories.read(SharedStories.grimm("18-hansel-and-gretel.txt")).text()
      .strip().split("\\n\\s*\\n");
  private static final String PARAGRAPH = PARAGRAPHS[0];

  @Test
  void speaksASentenceAt48KilohertzAloud() {
    Speech speech = VOICE.speak("The cat sprang nimbly up a tree, and sat down at the top of it.", 150);

    assertThat(speech.sampleRate()).isEqualTo(48_000);
    assertThat(speech.seconds()).as("the whole stream, not its first 0.17 s").isBetween(3.0, 9.0);
    assertThat(rms(speech.samples())).as("not silence").isGreaterThan(1000);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  void readsAParagraphAtTheAskedPace(int paragraph) {
    Speech speech = VOICE.speak(PARAGRAPHS[paragraph], 150);

    double wordsPerMinute = Words.count(PARAGRAPHS[paragraph]) * 60 / speech.seconds();
    assertThat(wordsPerMinute).isCloseTo(150.0, withPercentage(5));
  }

  @Test
  void aNarratorReadingSentenceBySentenceKeepsThatPace() {
    Narrator.Narration narration = Narrator.of(VOICE, new FreeTtsVoice()).narrate(PARAGRAPH, 150);

    double wordsPerMinute = Words.count(PARAGRAPH) * 60 / narration.speech().seconds();
    assertThat(wordsPerMinute).isCloseTo(150.0, withPercentage(5));
    assertThat(narration.sentences()).flatExtracting(Narrator.Spoken::parts).allMatch(p -> p.voice().equals(VOICE.name()));
  }

  /**
   * The characters' voice is the narrator's lowered by a clear interval (a fifth or more), and
   * leaves the narrator's own reading as it was: MaryTTS keeps effect settings on the shared voice.
   */
  @Test
  void theCharactersVoiceIsLowerAndLeavesTheNarratorsAlone() {
    String line = "Nibble, nibble, gnaw, who is nibbling at my little house?";
    Speech before = VOICE.speak(line, 150);
    Speech character = CHARACTER.speak(line, 150);
    Speech after = VOICE.speak(line, 150);

    double narrator = Pitch.medianHz(before);
    assertThat(narrator).as("cmu-slt is a woman's voice").isBetween(140.0, 260.0);
    assertThat(Pitch.medianHz(character) / narrator).as("lower by at least a fifth").isLessThan(0.75);
    assertThat(Pitch.medianHz(after)).isCloseTo(narrator, withPercentage(3));
    assertThat(character.seconds()).as("at the same pace").isCloseTo(before.seconds(), withPercentage(10));
    assertThat(CHARACTER.name()).isNotEqualTo(VOICE.name());
  }

  @Test
  void asksSlowerWithANegativeRate() {
    assertThat(MaryTtsVoice.rate(150)).isEqualTo("-25.8%");
    assertThat(MaryTtsVoice.rate(220)).startsWith("+");
  }

  @Test
  void survivesAWavRoundTrip() throws Exception {
    Speech speech = VOICE.speak("Good day, dear Mr Fox.", 150);

    Speech back = Wav.decode(new ByteArrayInputStream(Wav.encode(speech)));

    assertThat(back.samples()).isEqualTo(speech.samples());
    assertThat(back.sampleRate()).isEqualTo(48_000);
  }

  static double rms(short[] samples) {
    double sum = 0;
    for (short s : samples) {
      sum += (double) s * s;
    }
    return Math.sqrt(sum / samples.length);
  }
}
