package dev.krag.stages.music;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.junit.jupiter.api.Test;

class ComposerTest {

  private final Composer composer = new Composer();

  @Test
  void theSameSeedWritesTheSameNotes() {
    for (Mood mood : Mood.values()) {
      assertThat(Composer.listing(composer.compose(mood, 30, 42))).isEqualTo(Composer.listing(composer.compose(mood, 30, 42)));
    }
  }

  @Test
  void aScoreFromABarOnKeepsItsInstrumentsAndOnlyTheNotesThatBeginThere() {
    Sequence whole = composer.compose(Mood.JOYFUL, 20, 3);
    long cut = 2L * Composer.BAR;

    Sequence later = Composer.from(whole, cut);

    assertThat(programs(later)).isEqualTo(programs(whole));
    List<String> expected = new ArrayList<>();
    for (MidiEvent e : events(whole)) {
      if (e.getMessage() instanceof ShortMessage m && m.getCommand() == ShortMessage.NOTE_ON && e.getTick() >= cut) {
        expected.add((e.getTick() - cut) + ":" + m.getChannel() + ":" + m.getData1());
      }
    }
    List<String> kept = new ArrayList<>();
    Map<String, Integer> open = new HashMap<>();
    for (MidiEvent e : events(later)) {
      if (e.getMessage() instanceof ShortMessage m && (m.getCommand() == ShortMessage.NOTE_ON || m.getCommand() == ShortMessage.NOTE_OFF)) {
        String key = m.getChannel() + ":" + m.getData1();
        if (m.getCommand() == ShortMessage.NOTE_ON) {
          kept.add(e.getTick() + ":" + key);
          open.merge(key, 1, Integer::sum);
        } else {
          assertThat(open.getOrDefault(key, 0)).as("no note ends that was cut off before it began").isPositive();
          open.merge(key, -1, Integer::sum);
        }
      }
    }
    assertThat(kept).isNotEmpty().containsExactlyInAnyOrderElementsOf(expected);
  }

  private static List<MidiEvent> events(Sequence score) {
    List<MidiEvent> events = new ArrayList<>();
    for (Track track : score.getTracks()) {
      for (int i = 0; i < track.size(); i++) {
        events.add(track.get(i));
      }
    }
    events.sort(java.util.Comparator.comparingLong(MidiEvent::getTick));
    return events;
  }

  @Test
  void anotherSeedWritesAnotherTune() {
    assertThat(Composer.listing(composer.compose(Mood.CALM, 30, 1))).isNotEqualTo(Composer.listing(composer.compose(Mood.CALM, 30, 2)));
  }

  @Test
  void everyMoodSoundsDifferent() {
    Set<String> scores = new HashSet<>();
    Set<Set<Integer>> orchestras = new HashSet<>();
    for (Mood mood : Mood.values()) {
      Sequence score = composer.compose(mood, 30, 7);
      scores.add(Composer.listing(score));
      orchestras.add(programs(score));
    }
    assertThat(scores).hasSize(Mood.values().length);
    assertThat(orchestras).as("each mood its own instruments").hasSize(Mood.values().length);
  }

  @Test
  void theScoreLastsAtLeastAsLongAsAsked() {
    for (Mood mood : Mood.values()) {
      Sequence score = composer.compose(mood, 12.3, 5);
      assertThat(score.getMicrosecondLength() / 1e6).isBetween(12.3, 12.3 + 2 * Composer.barSeconds(mood) + 1);
    }
  }

  @Test
  void theNotesAreSoftAndInRange() {
    for (Mood mood : Mood.values()) {
      for (Track track : composer.compose(mood, 30, 3).getTracks()) {
        for (int i = 0; i < track.size(); i++) {
          MidiEvent e = track.get(i);
          if (e.getMessage() instanceof ShortMessage m && m.getCommand() == ShortMessage.NOTE_ON && m.getData2() > 0) {
            assertThat(m.getData2()).as("velocity").isBetween(20, 80);
            assertThat(m.getData1()).as("pitch").isBetween(24, 96);
          }
        }
      }
    }
  }

  private static Set<Integer> programs(Sequence score) {
    Set<Integer> programs = new HashSet<>();
    for (Track track : score.getTracks()) {
      for (int i = 0; i < track.size(); i++) {
        if (track.get(i).getMessage() instanceof ShortMessage m && m.getCommand() == ShortMessage.PROGRAM_CHANGE) {
          programs.add(m.getData1());
        }
      }
    }
    return programs;
  }
}
