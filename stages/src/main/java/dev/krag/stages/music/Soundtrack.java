package dev.krag.stages.music;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A film's sound from its stretches, each a shot's narration (or a card's silence) with its music
 * under it. The music of one stretch gives way to the next's: a short splice within a scene, whose
 * stretches are parts of one piece, and a crossfade where the scene changes; the whole fades in at
 * the start and out at the end. Then the mixer lays it under the voice.
 */
public final class Soundtrack {

  /**
   * A stretch of the film: its scene (a card's is the scene beside it), its speech, and the music
   * under it, which runs on past the speech by {@link #CROSSFADE_SECONDS} into the next stretch
   * (music that ends sooner is followed by silence).
   */
  public record Stretch(String sceneId, short[] speech, short[] music) {}

  /** The mixed sound, and the narration and music it was mixed from, to mix again at other settings. */
  public record Made(Mixer.Mixed mix, short[] narration, short[] music) {}

  /** How long one scene's music takes to give way to the next: how far every stretch's music runs on. */
  public static final double CROSSFADE_SECONDS = 1.5;
  /** How long the join of two stretches of one piece takes: they meet where they are alike, or nearly. */
  static final double SPLICE_SECONDS = 0.2;
  static final double FADE_IN_SECONDS = 0.5;
  static final double FADE_OUT_SECONDS = 3.0;

  private static final Logger LOG = LoggerFactory.getLogger(Soundtrack.class);
  private static final int RATE = Synth.SAMPLE_RATE;

  private final Mixer mixer;

  public Soundtrack(Mixer mixer) {
    this.mixer = mixer;
  }

  public Made make(List<Stretch> film) {
    int total = film.stream().mapToInt(s -> s.speech().length).sum();
    short[] narration = new short[total];
    int at = 0;
    for (Stretch s : film) {
      System.arraycopy(s.speech(), 0, narration, at, s.speech().length);
      at += s.speech().length;
    }
    short[] music = music(film, total);
    Mixer.Mixed mix = mixer.mix(narration, music);
    LOG.info("sound: {} s of film in {} stretches, mix {} LUFS, true peak {} dBTP", String.format("%.1f", total / (double) RATE),
        film.size(), String.format("%.1f", mix.integratedLufs()), String.format("%.1f", mix.truePeakDbtp()));
    return new Made(mix, narration, music);
  }

  /** Every stretch's music laid in turn, each joined to the one before, with fades at both ends of the film. */
  static short[] music(List<Stretch> film, int total) {
    short[] track = new short[total];
    int start = 0;
    int in = 0;
    for (int p = 0; p < film.size(); p++) {
      Stretch s = film.get(p);
      int length = s.speech().length;
      boolean last = p == film.size() - 1;
      int out = last ? 0 : join(s, film.get(p + 1));
      boolean crossfadeIn = p > 0 && !s.sceneId().equals(film.get(p - 1).sceneId());
      boolean crossfadeOut = !last && !s.sceneId().equals(film.get(p + 1).sceneId());
      for (int i = 0; i < Math.min(length + out, s.music().length); i++) {
        double gain = 1;
        if (i < in) {
          gain = crossfadeIn ? Math.sin(Math.PI / 2 * i / in) : i / (double) in; // equal power between pieces
        } else if (i >= length) {
          double t = (i - length) / (double) out;
          gain = crossfadeOut ? Math.cos(Math.PI / 2 * t) : 1 - t;
        }
        track[start + i] = (short) Math.clamp(track[start + i] + Math.round(s.music()[i] * gain), Short.MIN_VALUE, Short.MAX_VALUE);
      }
      start += length;
      in = out;
    }
    fade(track, (int) (FADE_IN_SECONDS * RATE), (int) (FADE_OUT_SECONDS * RATE));
    return track;
  }

  /** Samples the join of a stretch with the next takes: no longer than the next stretch, nor than the music left to run on. */
  private static int join(Stretch s, Stretch next) {
    double seconds = s.sceneId().equals(next.sceneId()) ? SPLICE_SECONDS : CROSSFADE_SECONDS;
    return Math.max(0, Math.min((int) (seconds * RATE), Math.min(next.speech().length, s.music().length - s.speech().length)));
  }

  private static void fade(short[] track, int in, int out) {
    for (int i = 0; i < Math.min(in, track.length); i++) {
      track[i] = (short) Math.round(track[i] * (i / (double) in));
    }
    for (int i = 0; i < Math.min(out, track.length); i++) {
      int j = track.length - 1 - i;
      track[j] = (short) Math.round(track[j] * (i / (double) out));
    }
  }
}
