package dev.krag.stages.music;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A film's sound from its narration: one piece of music per scene, in the mood its narration
 * reads as, running under all the scene's shots and changing with a crossfade where the scene
 * does; the title card plays the first scene's music, the end card the last's. Then the mixer
 * lays it under the voice.
 */
public final class Soundtrack {

  /**
   * A stretch of the film and the speech in it: a shot (its scene and narration), or a card
   * ({@code sceneId} null), which takes the music of the scene beside it.
   */
  public record Stretch(String sceneId, String narration, short[] speech) {}

  /**
   * The mixed sound, the narration and music it was mixed from (to mix again at other settings),
   * each scene's mood, and how long the music took to play.
   */
  public record Made(Mixer.Mixed mix, short[] narration, short[] music, Map<String, Mood> moods, double musicSeconds,
      double renderSeconds) {}

  /** How long one scene's music takes to give way to the next. */
  static final double CROSSFADE_SECONDS = 1.5;
  static final double FADE_IN_SECONDS = 0.5;
  static final double FADE_OUT_SECONDS = 3.0;

  private static final Logger LOG = LoggerFactory.getLogger(Soundtrack.class);
  private static final int RATE = Synth.SAMPLE_RATE;

  private final Composer composer;
  private final Synth synth;
  private final Mixer mixer;

  public Soundtrack(Composer composer, Synth synth, Mixer mixer) {
    this.composer = composer;
    this.synth = synth;
    this.mixer = mixer;
  }

  /** One piece of music: its mood, where it starts in the film, how long it lasts, and its seed. */
  record Part(Mood mood, int start, int length, long seed) {}

  public Made make(List<Stretch> film) {
    Map<String, StringBuilder> texts = new LinkedHashMap<>();
    for (Stretch s : film) {
      if (s.sceneId() != null) {
        texts.computeIfAbsent(s.sceneId(), id -> new StringBuilder()).append(s.narration()).append('\n');
      }
    }
    Map<String, Mood> moods = new LinkedHashMap<>();
    texts.forEach((scene, text) -> moods.put(scene, Mood.of(text.toString())));
    List<Part> parts = parts(film, texts, moods);
    int total = film.stream().mapToInt(s -> s.speech().length).sum();
    short[] narration = new short[total];
    int at = 0;
    for (Stretch s : film) {
      System.arraycopy(s.speech(), 0, narration, at, s.speech().length);
      at += s.speech().length;
    }
    long started = System.nanoTime();
    short[] music = music(parts, total);
    double renderSeconds = (System.nanoTime() - started) / 1e9;
    Mixer.Mixed mix = mixer.mix(narration, music);
    LOG.info("music: {} for {} s of film, played in {} s ({}× real time); mix {} LUFS, true peak {} dBTP", moods,
        String.format("%.1f", total / (double) RATE), String.format("%.2f", renderSeconds),
        String.format("%.0f", total / (double) RATE / renderSeconds), String.format("%.1f", mix.integratedLufs()),
        String.format("%.1f", mix.truePeakDbtp()));
    return new Made(mix, narration, music, moods, total / (double) RATE, renderSeconds);
  }

  /** Runs of stretches in one scene; a card joins the run after it (the title) or before it (the end). */
  static List<Part> parts(List<Stretch> film, Map<String, StringBuilder> texts, Map<String, Mood> moods) {
    List<Part> parts = new ArrayList<>();
    String current = null;
    int start = 0;
    int at = 0;
    for (int i = 0; i < film.size(); i++) {
      Stretch s = film.get(i);
      String scene = s.sceneId() != null ? s.sceneId() : neighbour(film, i);
      if (current != null && !current.equals(scene)) {
        parts.add(part(current, start, at - start, texts, moods));
        start = at;
      }
      current = scene;
      at += s.speech().length;
    }
    if (current != null) {
      parts.add(part(current, start, at - start, texts, moods));
    }
    return parts;
  }

  private static Part part(String scene, int start, int length, Map<String, StringBuilder> texts, Map<String, Mood> moods) {
    if (!moods.containsKey(scene)) { // a film of cards only
      return new Part(Mood.CALM, start, length, 0);
    }
    // The scene's words pick its notes: the same scene always gets the same music.
    long seed = scene.hashCode() * 1_000_003L + texts.get(scene).toString().hashCode();
    return new Part(moods.get(scene), start, length, seed);
  }

  private static String neighbour(List<Stretch> film, int card) {
    for (int d = 1; d < film.size(); d++) {
      for (int j : new int[] {card + d, card - d}) {
        if (j >= 0 && j < film.size() && film.get(j).sceneId() != null) {
          return film.get(j).sceneId();
        }
      }
    }
    return "";
  }

  /** Every part played, each running on under the next's start by the crossfade, with fades at both ends of the film. */
  short[] music(List<Part> parts, int total) {
    double[] track = new double[total];
    int crossfade = (int) (CROSSFADE_SECONDS * RATE);
    for (int p = 0; p < parts.size(); p++) {
      Part part = parts.get(p);
      boolean last = p == parts.size() - 1;
      int length = last ? part.length() : Math.min(part.length() + crossfade, total - part.start());
      double seconds = length / (double) RATE;
      short[] played = synth.render(composer.compose(part.mood(), seconds, part.seed()), length);
      for (int i = 0; i < length; i++) {
        double gain = 1;
        if (p > 0 && i < crossfade) {
          gain *= Math.sin(Math.PI / 2 * i / crossfade); // equal power in
        }
        if (!last && i >= part.length()) {
          gain *= Math.cos(Math.PI / 2 * (i - part.length()) / (double) crossfade); // and out
        }
        track[part.start() + i] += played[i] * gain;
      }
    }
    fade(track, (int) (FADE_IN_SECONDS * RATE), (int) (FADE_OUT_SECONDS * RATE));
    short[] out = new short[total];
    for (int i = 0; i < total; i++) {
      out[i] = (short) Math.clamp(Math.round(track[i]), Short.MIN_VALUE, Short.MAX_VALUE);
    }
    return out;
  }

  private static void fade(double[] track, int in, int out) {
    for (int i = 0; i < Math.min(in, track.length); i++) {
      track[i] *= i / (double) in;
    }
    for (int i = 0; i < Math.min(out, track.length); i++) {
      track[track.length - 1 - i] *= i / (double) out;
    }
  }
}
