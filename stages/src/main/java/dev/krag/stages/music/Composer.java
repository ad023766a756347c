package dev.krag.stages.music;

import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/**
 * Writes a short score for a mood: a four-chord progression in the mood's mode, one chord a bar,
 * held softly by a pad with its root below, broken into an arpeggio, and a slow melody in
 * two-bar phrases that rest every other phrase so it never competes with a narrator. General MIDI
 * instruments, so any GM sound set plays it. The same mood, length and seed always give the same
 * notes.
 */
public final class Composer {

  /** Ticks per quarter note. */
  public static final int RESOLUTION = 480;
  static final int BAR = 4 * RESOLUTION;

  private static final int[] IONIAN = {0, 2, 4, 5, 7, 9, 11};
  private static final int[] AEOLIAN = {0, 2, 3, 5, 7, 8, 10};
  private static final int[] HARMONIC_MINOR = {0, 2, 3, 5, 7, 8, 11};

  private static final int PAD = 0;
  private static final int ARPEGGIO = 1;
  private static final int MELODY = 2;
  private static final int BASS = 3;
  private static final int TIMPANI = 4;
  private static final int NONE = -1;

  /**
   * How a mood sounds. Programs are General MIDI numbers counted from 0; the figure lists chord
   * tones (0 root, 1 third, 2 fifth, 3 the octave) played one per {@code step} ticks; melody note
   * lengths are drawn from {@code rhythm}.
   */
  private record Style(int bpm, int tonic, int[] mode, int[][] progressions, int pad, int arpeggio, int melody,
      int[] figure, int step, int[] rhythm, int padVelocity, int arpeggioVelocity, int melodyVelocity, boolean timpani) {}

  private static final Map<Mood, Style> STYLES = Map.of(
      // String ensemble 2 under a harp, a flute above.
      Mood.CALM, new Style(76, 62, IONIAN, new int[][] {{0, 4, 5, 3}, {0, 3, 0, 4}, {5, 3, 0, 4}},
          49, 46, 73, new int[] {0, 1, 2, 3, 2, 1}, RESOLUTION / 2, new int[] {960, 960, 480, 1920}, 46, 52, 60, false),
      // Strings, a celesta, an oboe.
      Mood.TENDER, new Style(66, 65, IONIAN, new int[][] {{0, 5, 3, 4}, {0, 2, 3, 0}, {0, 3, 5, 4}},
          48, 8, 68, new int[] {0, 2, 3, 1, 3, 2}, RESOLUTION / 2, new int[] {960, 1440, 480, 1920}, 42, 50, 56, false),
      // Tremolo strings, a pizzicato ostinato, no tune.
      Mood.TENSE, new Style(100, 57, HARMONIC_MINOR, new int[][] {{0, 5, 3, 4}, {0, 0, 5, 4}, {0, 3, 0, 4}},
          44, 45, NONE, new int[] {0, 0, 2, 0, 3, 0, 2, 1}, RESOLUTION / 2, new int[] {480}, 44, 58, 0, false),
      // Low strings, a cello walking root and fifth, a clarinet low down.
      Mood.DARK, new Style(58, 50, AEOLIAN, new int[][] {{0, 5, 3, 4}, {0, 3, 0, 5}, {0, 5, 0, 4}},
          48, 42, 71, new int[] {0, 2}, RESOLUTION * 2, new int[] {1920, 960, 960}, 44, 50, 52, false),
      // Strings, pizzicato eighths, a flute.
      Mood.JOYFUL, new Style(112, 67, IONIAN, new int[][] {{0, 3, 4, 0}, {0, 5, 1, 4}, {0, 4, 5, 3}},
          48, 45, 73, new int[] {0, 2, 1, 2, 3, 2, 1, 2}, RESOLUTION / 2, new int[] {480, 480, 960, 240, 240}, 44, 56, 60,
          false),
      // Soft brass, string arpeggios, a horn, timpani on the downbeats.
      Mood.TRIUMPHANT, new Style(96, 60, IONIAN, new int[][] {{0, 3, 4, 0}, {0, 5, 3, 4}, {0, 3, 0, 4}},
          61, 48, 60, new int[] {0, 1, 2, 3}, RESOLUTION / 2, new int[] {960, 480, 480, 1920}, 44, 50, 60, true));

  /** The score for {@code seconds} of a mood (rounded up to whole bars), deterministic in {@code seed}. */
  public Sequence compose(Mood mood, double seconds, long seed) {
    Style style = STYLES.get(mood);
    Random random = new Random(seed * 31 + mood.ordinal());
    int[] progression = style.progressions()[random.nextInt(style.progressions().length)];
    double barSeconds = 240.0 / style.bpm();
    int bars = Math.max(1, (int) Math.ceil(seconds / barSeconds));
    try {
      Sequence sequence = new Sequence(Sequence.PPQ, RESOLUTION);
      Track track = sequence.createTrack();
      int microsPerQuarter = 60_000_000 / style.bpm();
      track.add(new MidiEvent(new MetaMessage(0x51, new byte[] {(byte) (microsPerQuarter >> 16),
          (byte) (microsPerQuarter >> 8), (byte) microsPerQuarter}, 3), 0));
      setUp(track, PAD, style.pad(), 100);
      setUp(track, BASS, style.pad(), 90);
      setUp(track, ARPEGGIO, style.arpeggio(), 100);
      if (style.melody() != NONE) {
        setUp(track, MELODY, style.melody(), 100);
      }
      if (style.timpani()) {
        setUp(track, TIMPANI, 47, 80);
      }
      int melodyDegree = 4 + 7; // the fifth, an octave up: where the tune starts
      for (int bar = 0; bar < bars; bar++) {
        int root = progression[bar % progression.length];
        long at = (long) bar * BAR;
        chord(track, style, root, at);
        arpeggio(track, style, root, at);
        if (style.timpani() && bar % 2 == 0) {
          note(track, TIMPANI, pitch(style, root - 7), at, RESOLUTION, 50);
        }
        // A two-bar phrase from the second bar, then two bars of rest, and again.
        if (style.melody() != NONE && bar % 4 == 1) {
          melodyDegree = phrase(track, style, progression, bar, melodyDegree, random);
        }
      }
      return sequence;
    } catch (InvalidMidiDataException e) {
      throw new IllegalStateException("a score could not be written", e);
    }
  }

  /**
   * The score from {@code tick} on, moved to begin there: the set-up (tempo, instruments) kept, and
   * the notes that began before it left out, with their ends.
   */
  public static Sequence from(Sequence score, long tick) {
    try {
      Sequence out = new Sequence(score.getDivisionType(), score.getResolution());
      for (Track track : score.getTracks()) {
        Track moved = out.createTrack();
        Set<Integer> cut = new HashSet<>();
        for (int i = 0; i < track.size(); i++) {
          MidiEvent event = track.get(i);
          boolean before = event.getTick() < tick;
          if (event.getMessage() instanceof ShortMessage note && isNote(note)) {
            int key = note.getChannel() << 8 | note.getData1();
            boolean on = note.getCommand() == ShortMessage.NOTE_ON && note.getData2() > 0;
            if (on && before) {
              cut.add(key);
              continue;
            }
            if (!on && (cut.remove(key) || before)) {
              continue;
            }
          }
          moved.add(new MidiEvent(event.getMessage(), Math.max(0, event.getTick() - tick)));
        }
      }
      return out;
    } catch (InvalidMidiDataException e) {
      throw new IllegalStateException("a score could not be cut", e);
    }
  }

  private static boolean isNote(ShortMessage message) {
    return message.getCommand() == ShortMessage.NOTE_ON || message.getCommand() == ShortMessage.NOTE_OFF;
  }

  /** Seconds one bar of a mood's music lasts. */
  public static double barSeconds(Mood mood) {
    return 240.0 / STYLES.get(mood).bpm();
  }

  private static void setUp(Track track, int channel, int program, int volume) throws InvalidMidiDataException {
    track.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, channel, program, 0), 0));
    track.add(new MidiEvent(new ShortMessage(ShortMessage.CONTROL_CHANGE, channel, 7, volume), 0));
    track.add(new MidiEvent(new ShortMessage(ShortMessage.CONTROL_CHANGE, channel, 91, 72), 0)); // reverb send
    track.add(new MidiEvent(new ShortMessage(ShortMessage.CONTROL_CHANGE, channel, 93, 0), 0)); // no chorus
  }

  /** The triad held for the bar, kept near the tonic so the voices move little, and its root below. */
  private static void chord(Track track, Style style, int root, long at) throws InvalidMidiDataException {
    for (int tone = 0; tone < 3; tone++) {
      int p = pitch(style, root + 2 * tone);
      while (p > style.tonic() + 7) {
        p -= 12;
      }
      note(track, PAD, p, at, BAR - 20, style.padVelocity() - 4 * tone);
    }
    int bass = pitch(style, root);
    while (bass > style.tonic() - 12) {
      bass -= 12;
    }
    note(track, BASS, bass, at, BAR - 20, style.padVelocity());
  }

  private static void arpeggio(Track track, Style style, int root, long at) throws InvalidMidiDataException {
    int[] figure = style.figure();
    int steps = BAR / style.step();
    for (int i = 0; i < steps; i++) {
      int tone = figure[i % figure.length];
      int p = pitch(style, root + (tone == 3 ? 7 : 2 * tone));
      int velocity = style.arpeggioVelocity() + (i == 0 ? 8 : i % 2 == 0 ? 3 : 0); // a light accent on the beat
      note(track, ARPEGGIO, p, at + (long) i * style.step(), style.step() * 2, velocity);
    }
  }

  /**
   * Two bars of tune: lengths drawn from the mood's rhythm, each note a step or a third from the
   * last, a chord tone on every beat a chord sounds, the phrase ending long on a chord tone.
   */
  private static int phrase(Track track, Style style, int[] progression, int bar, int degree, Random random)
      throws InvalidMidiDataException {
    long start = (long) bar * BAR;
    long end = start + 2L * BAR;
    long at = start;
    while (at < end) {
      int length = style.rhythm()[random.nextInt(style.rhythm().length)];
      if (at + length > end || end - at <= RESOLUTION) {
        length = (int) (end - at);
      }
      int root = progression[(int) (at / BAR) % progression.length];
      int move = new int[] {-2, -1, -1, 0, 1, 1, 2}[random.nextInt(7)];
      degree = Math.clamp(degree + move, 7, 7 + 9);
      boolean strong = at % RESOLUTION == 0 && (at % BAR) % (2 * RESOLUTION) == 0;
      if (strong || at + length >= end) {
        degree = nearestChordTone(degree, root);
      }
      note(track, MELODY, pitch(style, degree), at, length - 30, style.melodyVelocity() + (strong ? 4 : 0));
      at += length;
    }
    return degree;
  }

  private static int nearestChordTone(int degree, int root) {
    for (int d = 0; d < 4; d++) {
      for (int candidate : new int[] {degree - d, degree + d}) {
        int fromRoot = Math.floorMod(candidate - root, 7);
        if (fromRoot == 0 || fromRoot == 2 || fromRoot == 4) {
          return candidate;
        }
      }
    }
    return degree;
  }

  /** The MIDI note of a scale degree counted from the tonic (0), any octave either way. */
  private static int pitch(Style style, int degree) {
    int octave = Math.floorDiv(degree, 7);
    return style.tonic() + 12 * octave + style.mode()[Math.floorMod(degree, 7)];
  }

  private static void note(Track track, int channel, int pitch, long at, long length, int velocity)
      throws InvalidMidiDataException {
    track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, channel, pitch, Math.clamp(velocity, 1, 127)), at));
    track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, channel, pitch, 0), at + Math.max(1, length)));
  }

  /** Every event of a score as text, tick by tick: what two scores are compared by. */
  public static String listing(Sequence sequence) {
    StringBuilder out = new StringBuilder();
    for (Track track : sequence.getTracks()) {
      for (int i = 0; i < track.size(); i++) {
        MidiEvent event = track.get(i);
        MidiMessage message = event.getMessage();
        out.append(event.getTick()).append(':');
        for (byte b : message.getMessage()) {
          out.append(' ').append(b & 0xff);
        }
        out.append('\n');
      }
    }
    return out.toString();
  }
}
