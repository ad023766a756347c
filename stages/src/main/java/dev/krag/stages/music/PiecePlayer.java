package dev.krag.stages.music;

import java.util.Arrays;
import java.util.Locale;

/**
 * Plays a stretch of a scene's piece. The piece is composed from its start, so a stretch has the
 * notes the whole piece has there, and played from a bar before the stretch, so the notes and the
 * reverb that sound at its first sample are already sounding: stretches that meet join as if the
 * piece had been played through.
 */
public final class PiecePlayer {

  /** Who plays the music, as the cost ledger names a local provider. */
  public static final String PROVIDER = "gervill";
  /** Names what shapes the sound: a stretch made with another composer or sound set is another asset. */
  private static final String VERSION = "piece-v1";
  /** Longer than any scene of any film; a stretch said to lie beyond it is a broken cue, not a piece to compose. */
  static final double LONGEST_PIECE_SECONDS = 6 * 3600;

  private final Composer composer;
  private final Synth synth;

  public PiecePlayer(Composer composer, Synth synth) {
    this.composer = composer;
    this.synth = synth;
  }

  public String name() {
    return VERSION + " " + synth.credit();
  }

  /** {@code samples} samples of the piece of this mood and seed from {@code fromSeconds} into it, at 48 kHz. */
  public short[] play(Mood mood, long seed, double fromSeconds, int samples) {
    double seconds = fromSeconds + samples / (double) Synth.SAMPLE_RATE;
    if (!(fromSeconds >= 0 && samples >= 0 && seconds <= LONGEST_PIECE_SECONDS)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "no such stretch of music: %d samples from %s s into a piece of at most %.0f s", samples, fromSeconds, LONGEST_PIECE_SECONDS));
    }
    double bar = Composer.barSeconds(mood);
    int firstBar = Math.max(0, (int) Math.floor(fromSeconds / bar) - 1);
    int lead = (int) Math.round((fromSeconds - firstBar * bar) * Synth.SAMPLE_RATE);
    short[] played = synth.render(Composer.from(composer.compose(mood, seconds, seed), (long) firstBar * Composer.BAR),
        lead + samples);
    return Arrays.copyOfRange(played, lead, lead + samples);
  }
}
