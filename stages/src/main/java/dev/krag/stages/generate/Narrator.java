package dev.krag.stages.generate;

import dev.krag.schemas.Cue;
import dev.krag.stages.text.Quotes;
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
 * of the narration stays with the first. Given voices for dialogue, it reads what the characters
 * say (the quoted stretches) in those and the telling around it in the narrator's, so a listener
 * hears who speaks; a sentence keeps one cue however many voices read it.
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

  /** Silence between a sentence's stretches read in different voices, a comma's breath. */
  static final double VOICE_CHANGE_PAUSE_SECONDS = 0.12;

  /** The voice of a sentence no voice could speak. */
  public static final String NO_VOICE = "none";

  /** A stretch of a sentence and the voice that read it ({@link #NO_VOICE} if none could). */
  public record Part(String text, String voice) {}

  /** One sentence as spoken: when it is heard, and its stretches with the voice that read each. */
  public record Spoken(String text, double startSeconds, double endSeconds, List<Part> parts) {

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
  /** Tried first for quoted speech, then the narrator's; empty when dialogue is read like the rest. */
  private final List<Voice> dialogue;
  /** The dialogue voices, then the narrator's: the order quoted speech is tried in. */
  private final List<Voice> quotedVoices;

  /**
   * @param voices tried in this order for every sentence
   * @param dialogue tried in this order for what characters say, before {@code voices}
   */
  public Narrator(List<Voice> voices, List<Voice> dialogue) {
    if (voices.isEmpty()) {
      throw new IllegalArgumentException("a narrator needs a voice");
    }
    this.voices = List.copyOf(voices);
    this.dialogue = List.copyOf(dialogue);
    List<Voice> quoted = new ArrayList<>(dialogue);
    quoted.addAll(voices);
    this.quotedVoices = List.copyOf(quoted);
  }

  /** A narrator reading everything, dialogue too, in these voices. */
  public static Narrator of(Voice... voices) {
    return new Narrator(List.of(voices), List.of());
  }

  /** This narrator, with the characters' words read in these voices. */
  public Narrator withDialogue(Voice... dialogue) {
    return new Narrator(voices, List.of(dialogue));
  }

  /** The most reading the text can cost, whichever of the voices reads it. */
  public double mostUsd(String text) {
    return quotedVoices.stream().mapToDouble(voice -> voice.priceUsd(text)).max().orElse(0);
  }

  /** What a stretch cost, as the voice that read it charges. */
  public double priceUsd(Part part) {
    return quotedVoices.stream().filter(voice -> voice.name().equals(part.voice())).findFirst()
        .map(voice -> voice.priceUsd(part.text())).orElse(0.0);
  }

  /** The voices in the order they are tried: part of every narration's asset hash. */
  public String name() {
    String told = names(voices);
    return dialogue.isEmpty() ? told : told + ";dialogue=" + names(dialogue);
  }

  private static String names(List<Voice> voices) {
    return voices.stream().map(Voice::name).collect(Collectors.joining("+"));
  }

  public Narration narrate(String narration, int wordsPerMinute) {
    List<short[]> parts = new ArrayList<>();
    List<Spoken> spoken = new ArrayList<>();
    Quotes quotes = Quotes.in(narration);
    int pause = (int) Math.round(SENTENCE_PAUSE_SECONDS * SAMPLE_RATE);
    int voiceChange = (int) Math.round(VOICE_CHANGE_PAUSE_SECONDS * SAMPLE_RATE);
    int at = 0;
    for (Sentence sentence : Sentences.split(narration)) {
      int start = at;
      List<Part> read = new ArrayList<>();
      for (Stretch stretch : stretches(narration, sentence, quotes)) {
        if (!read.isEmpty()) {
          parts.add(new short[voiceChange]);
          at += voiceChange;
        }
        Reading reading = read(stretch.text(), wordsPerMinute, stretch.quoted() ? quotedVoices : voices);
        parts.add(reading.samples());
        at += reading.samples().length;
        read.add(new Part(stretch.text(), reading.voice()));
      }
      spoken.add(new Spoken(sentence.text(), start / (double) SAMPLE_RATE, at / (double) SAMPLE_RATE, List.copyOf(read)));
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

  /** A run of a sentence all told, or all said by a character. */
  record Stretch(String text, boolean quoted) {}

  /**
   * The sentence whole when dialogue is read like the rest; else cut where quoted speech begins
   * and ends, keeping only stretches with something to say (not a lone comma or quote mark).
   */
  List<Stretch> stretches(String narration, Sentence sentence, Quotes quotes) {
    if (dialogue.isEmpty()) {
      return List.of(new Stretch(sentence.text(), false));
    }
    List<Stretch> stretches = new ArrayList<>();
    int from = sentence.start();
    for (int i = sentence.start() + 1; i <= sentence.end(); i++) {
      if (i == sentence.end() || quotes.spoken(i) != quotes.spoken(from)) {
        String text = narration.substring(from, i).replaceAll("\\s+", " ").strip();
        if (text.chars().anyMatch(Character::isLetterOrDigit)) {
          stretches.add(new Stretch(text, quotes.spoken(from)));
        }
        from = i;
      }
    }
    return stretches.isEmpty() ? List.of(new Stretch(sentence.text(), false)) : stretches;
  }

  private record Reading(short[] samples, String voice) {}

  /**
   * The text from the first voice that speaks it aloud. If none can, its time passes in
   * silence: a narration with one unspoken sentence is still a film, a failed shot is not.
   */
  private Reading read(String text, int wordsPerMinute, List<Voice> voices) {
    for (Voice voice : voices) {
      try {
        short[] samples = trimmed(voice.speak(text, wordsPerMinute).resampled(SAMPLE_RATE).samples());
        if (samples.length > 0) {
          return new Reading(samples, voice.name());
        }
        LOG.warn("{} spoke only silence for \"{}\"", voice.name(), text);
      } catch (RuntimeException | LinkageError e) {
        // LinkageError too: a voice whose library is missing a class is a voice that cannot speak.
        LOG.warn("{} could not speak \"{}\", trying the next voice", voice.name(), text, e);
      }
    }
    LOG.error("no voice could speak \"{}\"; its time is left silent", text);
    return new Reading(new short[(int) Math.round(Words.count(text) * 60.0 / wordsPerMinute * SAMPLE_RATE)], NO_VOICE);
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
