package dev.krag.stages.generate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import marytts.LocalMaryInterface;
import marytts.MaryInterface;
import marytts.exceptions.MaryConfigurationException;
import marytts.exceptions.SynthesisException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * MaryTTS 5.2's cmu-slt-hsmm, an HMM voice synthesised in-process at 48 kHz: smoother than
 * FreeTTS's diphones, and no server. MaryTTS starts on the first sentence (1.2 to 2.3 s, once
 * per JVM), so a JVM that never narrates never pays for it, and a MaryTTS that cannot start
 * fails that sentence like any other, for the next voice to take.
 */
public final class MaryTtsVoice implements Voice {

  /** The only MaryTTS voice Maven Central serves. */
  public static final String SLT = "cmu-slt-hsmm";
  /**
   * MaryTTS keeps its modules and voices in static registries, starts them without a lock and
   * sets per-request effect parameters on the shared voice object: one synthesis at a time.
   */
  private static final Object MARY = new Object();
  /**
   * Seconds a word takes at duration factor f is about {@code SECONDS_PER_WORD + f *
   * SECONDS_PER_WORD_PER_FACTOR}: a least-squares fit on the first two paragraphs of Hansel and
   * Gretel (603 words, each read whole) at factors 0.8 to 1.7, every point within 3.3 % of the
   * line. The constant part is the pauses, which the rate leaves alone. Asked for 150 words per
   * minute, it then reads the first paragraph at 154 and the dialogue-heavy second at 144 (its
   * commas and quotes pause more); asked for 128, at 131 and 122. Factor 1 reads them at 190 and
   * 177.
   */
  static final double SECONDS_PER_WORD = 0.0680;
  static final double SECONDS_PER_WORD_PER_FACTOR = 0.2640;
  private static final double MIN_FACTOR = 0.5;
  private static final double MAX_FACTOR = 3.0;
  private static final String SSML = "http://www.w3.org/2001/10/synthesis";
  private static final String XML = "http://www.w3.org/XML/1998/namespace";

  /**
   * The characters' voice: the same HMM voice with its pitch 60 Hz lower and its vocal tract
   * lengthened (formants down), so quoted speech stands apart from the narrator's. Maven Central
   * serves no second MaryTTS voice. (MaryTTS's F0Scale keeps the mean pitch and narrows only its
   * range: it would not lower the voice.)
   */
  public static final String CHARACTER_EFFECTS = "F0Add(f0Add:-60.0)+TractScaler(amount:1.15)";

  private final String voice;
  private final String label;
  private final String effects;
  /** Guarded by {@link #MARY}; made on first use. */
  private MaryInterface mary;

  public MaryTtsVoice() {
    this(SLT, "", "");
  }

  /**
   * @param label tells this voice from the same voice with other effects, in names and asset hashes
   * @param effects MaryTTS audio effects, as its {@code setAudioEffects} takes them ("" for none)
   */
  public MaryTtsVoice(String voice, String label, String effects) {
    this.voice = voice;
    this.label = label;
    this.effects = effects;
  }

  /** The characters' voice: {@link #SLT} with {@link #CHARACTER_EFFECTS}. */
  public static MaryTtsVoice character() {
    return new MaryTtsVoice(SLT, "character", CHARACTER_EFFECTS);
  }

  @Override
  public String name() {
    return "marytts-" + voice + (label.isEmpty() ? "" : "-" + label);
  }

  /**
   * The text in SSML with a prosody rate: MaryTTS 5.2 stretches the HMM's phone durations by it,
   * where its "Rate" audio effect does nothing to a voice that models its durations.
   */
  @Override
  public Speech speak(String text, int wordsPerMinute) {
    Document ssml = ssml(text, rate(wordsPerMinute));
    synchronized (MARY) {
      try {
        AudioInputStream audio = mary().generateAudio(ssml);
        if (audio == null) {
          throw new IllegalStateException("MaryTTS made no audio for: " + text);
        }
        return pcm(audio);
      } catch (SynthesisException | IOException e) {
        throw new IllegalStateException("MaryTTS could not speak: " + text, e);
      }
    }
  }

  /** The SSML rate for a pace: "-32.4%" stretches every phone to 1.324 times its length. */
  static String rate(int wordsPerMinute) {
    double factor = (60.0 / wordsPerMinute - SECONDS_PER_WORD) / SECONDS_PER_WORD_PER_FACTOR;
    double percent = (Math.clamp(factor, MIN_FACTOR, MAX_FACTOR) - 1) * 100;
    // MaryTTS reads a signed percentage only, and takes "-" as slower.
    return String.format(Locale.ROOT, "%s%.1f%%", percent >= 0 ? "-" : "+", Math.abs(percent));
  }

  private MaryInterface mary() {
    if (mary == null) {
      try {
        MaryInterface started = new LocalMaryInterface();
        started.setInputType("SSML");
        started.setVoice(voice);
        if (!effects.isEmpty()) {
          started.setAudioEffects(effects);
        }
        mary = started;
      } catch (MaryConfigurationException | IllegalArgumentException e) {
        throw new IllegalStateException("MaryTTS voice " + voice + " cannot start", e);
      }
    }
    return mary;
  }

  private static Document ssml(String text, String rate) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      Document doc = factory.newDocumentBuilder().newDocument();
      Element speak = doc.createElementNS(SSML, "speak");
      speak.setAttribute("version", "1.0");
      speak.setAttributeNS(XML, "xml:lang", "en-US");
      Element prosody = doc.createElementNS(SSML, "prosody");
      prosody.setAttribute("rate", rate);
      prosody.setTextContent(text);
      speak.appendChild(prosody);
      doc.appendChild(speak);
      return doc;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("no XML parser in this JVM", e);
    }
  }

  /**
   * All of the stream, read in a loop to its end: MaryTTS vocodes in a thread of its own, and
   * {@code readAllBytes} on its stream returns only the first 0.17 s.
   */
  private static Speech pcm(AudioInputStream audio) throws IOException {
    AudioFormat format = audio.getFormat();
    if (format.getChannels() != 1 || format.getSampleSizeInBits() != 16
        || format.getEncoding() != AudioFormat.Encoding.PCM_SIGNED) {
      throw new IOException("expected mono 16-bit PCM from MaryTTS, got " + format);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n = audio.read(buffer); n != -1; n = audio.read(buffer)) {
      bytes.write(buffer, 0, n);
    }
    ByteBuffer pcm = ByteBuffer.wrap(bytes.toByteArray()).order(format.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    short[] samples = new short[pcm.remaining() / 2];
    pcm.asShortBuffer().get(samples);
    if (samples.length == 0) {
      throw new IOException("MaryTTS made an empty stream");
    }
    return new Speech(samples, Math.round(format.getSampleRate()));
  }
}
