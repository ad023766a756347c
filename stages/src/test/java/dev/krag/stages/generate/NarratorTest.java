package dev.krag.stages.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.krag.stages.text.Sentence;
import dev.krag.stages.text.Sentences;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NarratorTest {

  private static final String NARRATION = "The cat sat in the tree. The fox came by with his bag of tricks. Then the hunters came.";
  /** Seconds of tone a test voice makes for every sentence, between 0.2 s of silence either side. */
  private static final double TONE = 0.5;
  private static final double SILENCE_AROUND = 0.2;

  @Test
  void givesOneTightCuePerSentenceInOrderInsideTheAudio() {
    Narrator.Narration narration = Narrator.of(new ToneVoice("a", 16_000, "")).narrate(NARRATION, 150);

    assertThat(narration.speech().sampleRate()).isEqualTo(48_000);
    List<Narrator.Spoken> cues = narration.sentences();
    assertThat(cues).extracting(Narrator.Spoken::text)
        .containsExactlyElementsOf(Sentences.split(NARRATION).stream().map(Sentence::text).toList());
    assertThat(cues.getFirst().startSeconds()).isZero();
    assertThat(cues.getLast().endSeconds() + Narrator.SENTENCE_PAUSE_SECONDS).isCloseTo(narration.speech().seconds(), offset(1e-4));
    double edges = 2.0 * Narrator.EDGE / Narrator.SAMPLE_RATE;
    for (Narrator.Spoken cue : cues) {
      assertThat(cue.endSeconds() - cue.startSeconds()).as("the silence around it trimmed").isCloseTo(TONE + edges, offset(0.006));
    }
  }

  @Test
  void pausesAfterEverySentenceInSilence() {
    Narrator.Narration narration = Narrator.of(new ToneVoice("a", 48_000, "")).narrate(NARRATION, 150);

    List<Narrator.Spoken> cues = narration.sentences();
    for (int i = 1; i < cues.size(); i++) {
      double gap = cues.get(i).startSeconds() - cues.get(i - 1).endSeconds();
      assertThat(gap).isCloseTo(Narrator.SENTENCE_PAUSE_SECONDS, offset(1e-4));
      assertThat(samples(narration.speech(), cues.get(i - 1).endSeconds(), cues.get(i).startSeconds())).containsOnly((short) 0);
    }
    double spoken = cues.stream().mapToDouble(c -> c.endSeconds() - c.startSeconds()).sum();
    assertThat(samples(narration.speech(), cues.getLast().endSeconds(), narration.speech().seconds())).containsOnly((short) 0);
    assertThat(narration.speech().seconds())
        .isCloseTo(spoken + cues.size() * Narrator.SENTENCE_PAUSE_SECONDS, offset(1e-4));
  }

  @Test
  void aSentenceTheFirstVoiceCannotSpeakGoesToTheNextAlone() {
    Narrator narrator = Narrator.of(new ToneVoice("first", 48_000, "fox"), new ToneVoice("second", 16_000, ""));

    Narrator.Narration narration = narrator.narrate(NARRATION, 150);

    assertThat(narration.sentences()).extracting(s -> voices(s)).containsExactly("first", "second", "first");
    assertThat(narrator.name()).isEqualTo("first+second");
  }

  @Test
  void aSentenceNoVoiceCanSpeakPassesInSilenceRatherThanFailingTheShot() {
    Narrator narrator = Narrator.of(new ToneVoice("only", 48_000, "fox"));

    Narrator.Narration narration = narrator.narrate(NARRATION, 150);

    Narrator.Spoken fox = narration.sentences().get(1);
    assertThat(voices(fox)).isEqualTo(Narrator.NO_VOICE);
    assertThat(fox.endSeconds() - fox.startSeconds()).as("9 words at 150 a minute").isCloseTo(3.6, offset(1e-3));
    assertThat(samples(narration.speech(), fox.startSeconds(), fox.endSeconds())).containsOnly((short) 0);
  }

  @Test
  void readsWhatTheCharactersSayInTheDialogueVoiceAndKeepsOneCuePerSentence() {
    Narrator narrator = Narrator.of(new ToneVoice("teller", 48_000, "")).withDialogue(new ToneVoice("character", 48_000, ""));
    String story = "'Good day, dear Mr Fox,' said the cat, 'how are you?' The fox looked at her. 'I am well.'";

    Narrator.Narration narration = narrator.narrate(story, 150);

    assertThat(narration.sentences()).hasSize(3);
    Narrator.Spoken greeting = narration.sentences().getFirst();
    assertThat(greeting.parts()).containsExactly(new Narrator.Part("'Good day, dear Mr Fox,'", "character"),
        new Narrator.Part("said the cat,", "teller"), new Narrator.Part("'how are you?'", "character"));
    double edges = 2.0 * Narrator.EDGE / Narrator.SAMPLE_RATE;
    assertThat(greeting.endSeconds() - greeting.startSeconds()).as("three readings and two breaths between them")
        .isCloseTo(3 * (TONE + edges) + 2 * Narrator.VOICE_CHANGE_PAUSE_SECONDS, offset(0.02));
    assertThat(voices(narration.sentences().get(1))).isEqualTo("teller");
    assertThat(voices(narration.sentences().get(2))).isEqualTo("character");
    assertThat(narrator.name()).isEqualTo("teller;dialogue=character");
  }

  @Test
  void dialogueAVoiceCannotSpeakFallsBackToTheNarratorsVoice() {
    Narrator narrator = Narrator.of(new ToneVoice("teller", 48_000, "")).withDialogue(new ToneVoice("character", 48_000, "Fox"));

    Narrator.Narration narration = narrator.narrate("'Good day, Mr Fox,' said the cat.", 150);

    assertThat(voices(narration.sentences().getFirst())).isEqualTo("teller,teller");
  }

  @Test
  void trimsOnlySilence() {
    short[] samples = new short[1000];
    samples[400] = 20_000;

    short[] trimmed = Narrator.trimmed(samples);

    assertThat(trimmed).contains((short) 20_000);
    assertThat(Narrator.trimmed(new short[1000])).isEmpty();
  }

  private static String voices(Narrator.Spoken sentence) {
    return sentence.parts().stream().map(Narrator.Part::voice).collect(Collectors.joining(","));
  }

  private static short[] samples(Speech speech, double from, double to) {
    return Arrays.copyOfRange(speech.samples(), (int) Math.round(from * speech.sampleRate()), (int) Math.round(to * speech.sampleRate()));
  }

  /** A sine tone between two silences, for any sentence except those holding {@code refuses}. */
  private record ToneVoice(String name, int sampleRate, String refuses) implements Voice {

    @Override
    public Speech speak(String text, int wordsPerMinute) {
      if (!refuses.isEmpty() && text.contains(refuses)) {
        throw new IllegalStateException(name + " cannot say " + refuses);
      }
      int silence = (int) (SILENCE_AROUND * sampleRate);
      int tone = (int) (TONE * sampleRate);
      short[] samples = new short[2 * silence + tone];
      for (int i = 0; i < tone; i++) {
        samples[silence + i] = (short) (8000 * Math.sin(2 * Math.PI * 220 * i / sampleRate + Math.PI / 2));
      }
      return new Speech(samples, sampleRate);
    }
  }
}
