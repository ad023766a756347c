package dev.krag.stages.music;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Sequence;
import javax.sound.midi.Soundbank;
import javax.sound.midi.Synthesizer;
import javax.sound.midi.Track;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a score offline through the JDK's software synthesizer (Gervill) into 48 kHz mono 16-bit
 * PCM, as fast as the CPU allows rather than in real time. Gervill's offline entry,
 * {@code AudioSynthesizer.openStream}, lives in {@code com.sun.media.sound}, which the JVM must be
 * told to export ({@code --add-exports=java.desktop/com.sun.media.sound=ALL-UNNAMED}, among krag's
 * JVM flags). Without it the score goes through the public MIDI-file reader instead, which plays
 * at 44.1 kHz stereo with the default sounds only, and is converted. A General MIDI SoundFont is
 * used when installed (Debian's fluid-soundfont-gm), else the JDK's own generated sound set.
 */
public final class Synth {

  public static final Path FLUID_R3 = Path.of("/usr/share/sounds/sf2/FluidR3_GM.sf2");
  public static final int SAMPLE_RATE = 48_000;

  private static final Logger LOG = LoggerFactory.getLogger(Synth.class);
  private static final AudioFormat FORMAT = new AudioFormat(SAMPLE_RATE, 16, 1, true, false);
  private static final Method OPEN_STREAM = openStream();

  private final Path soundFont;
  private Soundbank soundbank;

  /** Plays with FluidR3 GM where Debian installed it, else with the JDK's own sounds. */
  public Synth() {
    this(FLUID_R3);
  }

  /** Plays with the SoundFont at {@code soundFont} if that file exists, else with the JDK's own sounds. */
  public Synth(Path soundFont) {
    this.soundFont = Files.isRegularFile(soundFont) && OPEN_STREAM != null ? soundFont : null;
    LOG.info("music: Gervill {}, sounds from {}", OPEN_STREAM != null ? "offline stream" : "MIDI file reader (slower path)",
        this.soundFont != null ? this.soundFont : "the JDK's default sound set");
  }

  /** What plays the music, for the credits. */
  public String credit() {
    return credit(soundFont != null);
  }

  /** What {@code new Synth()} plays the music with, for the credits. */
  public static String defaultCredit() {
    return credit(Files.isRegularFile(FLUID_R3) && OPEN_STREAM != null);
  }

  private static String credit(boolean fluid) {
    return fluid ? "Music: Gervill (Java Sound) playing FluidR3 GM (MIT)" : "Music: Gervill (Java Sound) with its own GM sounds";
  }

  /** Exactly {@code samples} samples of the score, from its start; what it holds past that is cut. */
  public short[] render(Sequence score, int samples) {
    try {
      byte[] pcm = OPEN_STREAM != null ? streamed(score, samples) : throughFileReader(score, samples);
      short[] out = new short[samples];
      for (int i = 0; i < samples; i++) {
        out[i] = (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8));
      }
      return out;
    } catch (IOException | MidiUnavailableException | InvalidMidiDataException | UnsupportedAudioFileException e) {
      throw new IllegalStateException("the synthesizer could not play the score", e);
    }
  }

  private byte[] streamed(Sequence score, int samples) throws MidiUnavailableException, IOException, InvalidMidiDataException {
    Synthesizer synth = MidiSystem.getSynthesizer();
    Map<String, Object> info = new HashMap<>();
    info.put("load default soundbank", soundFont == null);
    info.put("max polyphony", 96);
    try {
      AudioInputStream stream = (AudioInputStream) OPEN_STREAM.invoke(synth, FORMAT, info);
      if (soundFont != null) {
        synth.loadAllInstruments(soundbank());
      }
      send(score, synth.getReceiver());
      return readFully(stream, samples * 2);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof MidiUnavailableException m) {
        throw m;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      synth.close();
    }
  }

  private synchronized Soundbank soundbank() throws InvalidMidiDataException, IOException {
    if (soundbank == null) {
      soundbank = MidiSystem.getSoundbank(soundFont.toFile());
    }
    return soundbank;
  }

  /** Every event, stamped with its time in microseconds, ahead of playing: the synthesizer queues them. */
  private static void send(Sequence score, Receiver receiver) throws InvalidMidiDataException {
    if (score.getDivisionType() != Sequence.PPQ) {
      throw new InvalidMidiDataException("only PPQ scores are played");
    }
    Track[] tracks = score.getTracks();
    int[] next = new int[tracks.length];
    long microsPerQuarter = 500_000;
    long lastTick = 0;
    long micros = 0;
    while (true) {
      int chosen = -1;
      for (int t = 0; t < tracks.length; t++) {
        if (next[t] < tracks[t].size()
            && (chosen < 0 || tracks[t].get(next[t]).getTick() < tracks[chosen].get(next[chosen]).getTick())) {
          chosen = t;
        }
      }
      if (chosen < 0) {
        return;
      }
      MidiEvent event = tracks[chosen].get(next[chosen]++);
      micros += (event.getTick() - lastTick) * microsPerQuarter / score.getResolution();
      lastTick = event.getTick();
      MidiMessage message = event.getMessage();
      if (message instanceof MetaMessage meta) {
        if (meta.getType() == 0x51 && meta.getData().length >= 3) {
          byte[] d = meta.getData();
          microsPerQuarter = ((d[0] & 0xff) << 16) | ((d[1] & 0xff) << 8) | (d[2] & 0xff);
        }
      } else {
        receiver.send(message, micros);
      }
    }
  }

  /** The public route: the score as a MIDI file, played by Java Sound's MIDI audio file reader, then converted. */
  static byte[] throughFileReader(Sequence score, int samples)
      throws IOException, UnsupportedAudioFileException {
    ByteArrayOutputStream midi = new ByteArrayOutputStream();
    MidiSystem.write(score, score.getTracks().length > 1 ? 1 : 0, midi);
    AudioFormat target = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, SAMPLE_RATE, 16, 1, 2, SAMPLE_RATE, false,
        Map.of("interpolation", "sinc"));
    try (AudioInputStream played = AudioSystem.getAudioInputStream(new ByteArrayInputStream(midi.toByteArray()));
        AudioInputStream converted = AudioSystem.getAudioInputStream(target, played)) {
      return readFully(converted, samples * 2);
    }
  }

  /** As many bytes as asked for; silence after the stream ends. */
  private static byte[] readFully(AudioInputStream stream, int bytes) throws IOException {
    byte[] out = new byte[bytes];
    int n = 0;
    while (n < bytes) {
      int read = stream.read(out, n, bytes - n);
      if (read < 0) {
        break;
      }
      n += read;
    }
    return out;
  }

  /** Gervill's offline entry, when {@code com.sun.media.sound} is exported to krag; else null. */
  private static Method openStream() {
    try {
      Module desktop = AudioFormat.class.getModule();
      if (!desktop.isExported("com.sun.media.sound", Synth.class.getModule())) {
        return null;
      }
      return Class.forName("com.sun.media.sound.AudioSynthesizer").getMethod("openStream", AudioFormat.class, Map.class);
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  /** Whether the fast offline route is open (the JVM flag is set). */
  static boolean offline() {
    return OPEN_STREAM != null;
  }
}
