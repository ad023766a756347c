package dev.krag.stages.music;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The feeling a scene's music should carry, read from its words by a rule one can check by hand:
 * each mood has a list of cue words, every cue in the text counts one vote, and the mood with most
 * votes wins (ties go to the mood listed first below, the darker before the lighter); a text with
 * no cue is {@link #CALM}.
 */
public enum Mood {
  CALM(Set.of()),
  TENDER(Set.of("love", "loved", "kiss", "kissed", "mother", "child", "baby", "gentle", "gently", "tears", "wept", "weep",
      "sleep", "slept", "dream", "dreamt", "embrace", "embraced", "sweet", "kind", "kindly", "pity", "hugged", "lullaby",
      "farewell", "grandmother")),
  TENSE(Set.of("hunter", "hunters", "dogs", "chase", "chased", "ran", "run", "running", "flee", "fled", "hide", "hid",
      "hidden", "danger", "quick", "quickly", "suddenly", "sudden", "trap", "caught", "escape", "escaped", "afraid", "fear",
      "feared", "threatened", "angry", "fight", "fought", "sword", "storm")),
  DARK(Set.of("wolf", "wolves", "witch", "dark", "darkness", "night", "death", "dead", "die", "died", "devil", "giant",
      "ogre", "grave", "cruel", "wicked", "evil", "curse", "cursed", "poison", "poisoned", "blood", "prison", "dungeon",
      "cellar", "shadow", "shadows", "grief", "mourned", "killed", "kill", "eat", "devoured", "bones")),
  JOYFUL(Set.of("feast", "wedding", "married", "marry", "glad", "gladly", "happy", "happily", "merry", "danced", "dance",
      "dancing", "laughed", "laugh", "joy", "sang", "sing", "song", "music", "rejoiced", "play", "played", "festival")),
  TRIUMPHANT(Set.of("king", "crown", "crowned", "victory", "won", "win", "hero", "brave", "bravely", "triumph", "rescued",
      "saved", "defeated", "conquered", "treasure", "gold", "golden", "reward", "rewarded", "throne", "proud"));

  /** Who wins a tie: the more pressing moods first, so one dark word is not outvoted by a kind one. */
  private static final List<Mood> PRECEDENCE = List.of(DARK, TENSE, TRIUMPHANT, JOYFUL, TENDER);
  private static final Pattern WORDS = Pattern.compile("[^\\p{L}']+");

  private final Set<String> cues;

  Mood(Set<String> cues) {
    this.cues = cues;
  }

  /** The mood of this name, as a plan names it. */
  public static Mood named(String name) {
    for (Mood mood : values()) {
      if (mood.name().equals(name)) {
        return mood;
      }
    }
    throw new IllegalArgumentException("no mood named '" + name + "'; the moods are " + List.of(values()));
  }

  /** The mood of a text, by counting its cue words; {@link #CALM} when none is there. */
  public static Mood of(String text) {
    Map<Mood, Integer> votes = votes(text);
    Mood best = CALM;
    int most = 0;
    for (Mood mood : PRECEDENCE) {
      int v = votes.getOrDefault(mood, 0);
      if (v > most) {
        best = mood;
        most = v;
      }
    }
    return best;
  }

  /** How many cue words of each mood the text holds: the evidence behind {@link #of}. */
  public static Map<Mood, Integer> votes(String text) {
    Map<Mood, Integer> votes = new EnumMap<>(Mood.class);
    for (String word : WORDS.split(text.toLowerCase(Locale.ROOT))) {
      String w = word.endsWith("'s") ? word.substring(0, word.length() - 2) : word;
      for (Mood mood : PRECEDENCE) {
        if (mood.cues.contains(w)) {
          votes.merge(mood, 1, Integer::sum);
        }
      }
    }
    return votes;
  }
}
