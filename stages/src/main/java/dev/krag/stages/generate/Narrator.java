package dev.krag.stages.generate;

import dev.krag.schemas.Cue;
import dev.krag.stages.text.Sentence;
import dev.krag.stages.text.Sentences;
import dev.krag.stages.text.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a narration sentence by sentence, each through the first voice that speaks it, and says
 * when each sentence is heard. One sentence a voice cannot speak goes to the next voice; the rest
 * of the narration stays with the first.
 */
public final class Narrator {

  private static final Logger LOG = LoggerFactory.getLogger(Narrator.class);

  /** What the editor mixes at; every voice is brought to it. */
  public static final int SAMPLE_RATE = 48_000;
  /**
   * Silence after every sentence, the last too: a storyteller's breath at a full stop. MaryTTS
   * leaves about as much around a sentence itself (0.38 s after, 0.04 s before, on average on the
   * calibration paragraph; FreeTTS 0.4 s in all), so a narration of any number of sentences keeps
   * the pace the voices were calibrated at, where tight sentences alone would read 10 % fast.
   */
  static final double SENTENCE_PAUSE_SECONDS = 0.35;
  /** A 5 ms window whose loudest sample is below this (about -36 dBFS) is silence. */
  static final int SILENCE = 500;
  private static final int WINDOW = SAMPLE_RATE / 200;
  /** Kept either side of the sound found, so soft onsets and endings ("h", "s") are not cut. */
  static final int EDGE = SAMPLE_RATE * 30 / 1000;

  /** The voice of a sentence no voice could speak. */
  public static final String NO_VOICE = "none";

  /** One sentence as spoken: when it is heard and which voice read it ({@link #NO_VOICE} if none could). */
  public record Spoken(String text, double startSeconds, double endSeconds, String voice) {

    public Cue cue() {
      return new Cue(text, startSeconds, endSeconds);
    }
  }

  /** The narration's audio at {@link #SAMPLE_RATE} and its sentences in order, each cue tight on its sound. */
  public record Narration(Speech speech, List<Spoken> sentences) {

    public List<Cue> cues() {
      return sentences.stream().map(Spoken::cue).toList();
    }
  }

  private final List<Voice> voices;

  /** @param voices tried in this order for every sentence */
  public Narrator(List<Voice> voices) {
    if (voices.isEmpty()) {
      throw new IllegalArgumentException("a narrator needs a voice");
    }
    this.voices = List.copyOf(voices);
  }

  public static Narrator of(Voice... voices) {
    return new Narrator(List.of(voices));
  }

  /** The voices in the order they are tried: part of every narration's asset hash. */
  public String name() {
    return voices.stream().map(Voice::name).collect(Collectors.joining("+"));
  }

  public Narration narrate(String narration, int wordsPerMinute) {
    List<short[]> parts = new ArrayList<>();
    List<Spoken> spoken = new ArrayList<>();
    int pause = (int) Math.round(SENTENCE_PAUSE_SECONDS * SAMPLE_RATE);
    int at = 0;
    for (Sentence sentence : Sentences.split(narration)) {
      Reading reading = read(sentence.text(), wordsPerMinute);
      parts.add(reading.samples());
      spoken.add(new Spoken(sentence.text(), at / (double) SAMPLE_RATE,
          (at + reading.samples().length) / (double) SAMPLE_RATE, reading.voice()));
      at += reading.samples().length;
      parts.add(new short[pause]);
      at += pause;
    }
    short[] all = new short[at];
    int offset = 0;
    for (short[] part : parts) {
      System.arraycopy(part, 0, all, offset, part.length);
      offset += part.length;
    }
    return new Narration(new Speech(all, SAMPLE_RATE), List.copyOf(spoken));
  }

  private record Reading(short[] samples, String voice) {}

  /**
   * The sentence from the first voice that speaks it aloud. If none can, its time passes in
   * silence: a narration with one unspoken sentence is still a film, a failed shot is not.
   */
  private Reading read(String sentence, int wordsPerMinute) {
    for (Voice voice : voices) {
      try {
        short[] samples = trimmed(voice.speak(sentence, wordsPerMinute).resampled(SAMPLE_RATE).samples());
        if (samples.length > 0) {
          return new Reading(samples, voice.name());
        }
        LOG.warn("{} spoke only silence for \"{}\"", voice.name(), sentence);
      } catch (RuntimeException | LinkageError e) {
        // LinkageError too: a voice whose library is missing a class is a voice that cannot speak.
        LOG.warn("{} could not speak \"{}\", trying the next voice", voice.name(), sentence, e);
      }
    }
    LOG.error("no voice could speak \"{}\"; its time is left silent", sentence);
    return new Reading(new short[(int) Math.round(Words.count(sentence) * 60.0 / wordsPerMinute * SAMPLE_RATE)], NO_VOICE);
  }

  /** The samples from the first to the last window with sound, with {@link #EDGE} to spare. */
  static short[] trimmed(short[] samples) {
    int first = -1;
    int last = -1;
    for (int start = 0; start < samples.length; start += WINDOW) {
      int end = Math.min(samples.length, start + WINDOW);
      if (loud(samples, start, end)) {
        first = first < 0 ? start : first;
        last = end;
      }
    }
    if (first < 0) {
      return new short[0];
    }
    int from = Math.max(0, first - EDGE);
    int to = Math.min(samples.length, last + EDGE);
    short[] out = new short[to - from];
    System.arraycopy(samples, from, out, 0, out.length);
    return out;
  }

  private static boolean loud(short[] samples, int start, int end) {
    for (int i = start; i < end; i++) {
      if (Math.abs(samples[i]) >= SILENCE) {
        return true;
      }
    }
    return false;
  }
}
