package dev.krag.stages.generate;

import com.sun.speech.freetts.VoiceManager;
import com.sun.speech.freetts.audio.AudioPlayer;
import java.io.ByteArrayOutputStream;
import javax.sound.sampled.AudioFormat;

/**
 * FreeTTS's kevin16 diphone voice, in-process: small and robotic, but always there. Speech is
 * collected in memory rather than played, so no sound device is needed.
 */
public final class FreeTtsVoice implements Voice {

  private static final String VOICE = "kevin16";
  private static final int SAMPLE_RATE = 16_000;
  /**
   * kevin16 reads about 1.47 times faster than the rate it is given (measured on a paragraph of
   * Hansel and Gretel: rate 100 gave 147 words per minute, rate 150 gave 220).
   */
  static final double RATE_PER_WORD_PER_MINUTE = 1 / 1.47;

  static {
    System.setProperty("freetts.voices", "com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory");
  }

  @Override
  public String name() {
    return "freetts-" + VOICE;
  }

  /** FreeTTS voices share lexicon state and are not safe to use from two threads at once. */
  @Override
  public synchronized Speech speak(String text, int wordsPerMinute) {
    com.sun.speech.freetts.Voice voice = VoiceManager.getInstance().getVoice(VOICE);
    if (voice == null) {
      throw new IllegalStateException("FreeTTS voice " + VOICE + " is not on the classpath");
    }
    PcmCollector pcm = new PcmCollector();
    voice.setAudioPlayer(pcm);
    voice.allocate();
    try {
      voice.setRate((float) (wordsPerMinute * RATE_PER_WORD_PER_MINUTE));
      if (!voice.speak(text)) {
        throw new IllegalStateException("FreeTTS could not speak: " + text);
      }
      return new Speech(pcm.samples(), SAMPLE_RATE);
    } finally {
      voice.deallocate();
    }
  }

  /** Keeps what FreeTTS would play: 16 kHz, 16-bit, mono, big-endian. */
  private static final class PcmCollector implements AudioPlayer {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private AudioFormat format;
    private float volume = 1f;

    short[] samples() {
      byte[] b = bytes.toByteArray();
      short[] s = new short[b.length / 2];
      for (int i = 0; i < s.length; i++) {
        s[i] = (short) ((b[2 * i] << 8) | (b[2 * i + 1] & 0xff));
      }
      return s;
    }

    @Override public void setAudioFormat(AudioFormat format) { this.format = format; }
    @Override public AudioFormat getAudioFormat() { return format; }
    @Override public void pause() { }
    @Override public void resume() { }
    @Override public void reset() { }
    @Override public boolean drain() { return true; }
    @Override public void begin(int size) { }
    @Override public boolean end() { return true; }
    @Override public void cancel() { }
    @Override public void close() { }
    @Override public float getVolume() { return volume; }
    @Override public void setVolume(float volume) { this.volume = volume; }
    @Override public long getTime() { return 0; }
    @Override public void resetTime() { }
    @Override public void startFirstSampleTimer() { }
    @Override public void showMetrics() { }
    @Override public boolean write(byte[] audio) { return write(audio, 0, audio.length); }

    @Override
    public boolean write(byte[] audio, int offset, int length) {
      bytes.write(audio, offset, length);
      return true;
    }
  }
}
