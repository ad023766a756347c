package dev.krag.stages.generate;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** Mono 16-bit PCM WAV files, the format voices hand to the editor. */
public final class Wav {

  private Wav() {}

  public static byte[] encode(Speech speech) {
    ByteBuffer pcm = ByteBuffer.allocate(speech.samples().length * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (short s : speech.samples()) {
      pcm.putShort(s);
    }
    AudioFormat format = new AudioFormat(speech.sampleRate(), 16, 1, true, false);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, speech.samples().length)) {
      AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode WAV", e);
    }
    return out.toByteArray();
  }

  public static Speech decode(InputStream wav) throws IOException {
    try (AudioInputStream in = AudioSystem.getAudioInputStream(new BufferedInputStream(wav))) {
      AudioFormat f = in.getFormat();
      if (f.getChannels() != 1 || f.getSampleSizeInBits() != 16 || f.getEncoding() != AudioFormat.Encoding.PCM_SIGNED) {
        throw new IOException("expected mono 16-bit PCM, got " + f);
      }
      byte[] bytes = in.readAllBytes();
      ByteBuffer buffer = ByteBuffer.wrap(bytes).order(f.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
      short[] samples = new short[bytes.length / 2];
      for (int i = 0; i < samples.length; i++) {
        samples[i] = buffer.getShort();
      }
      return new Speech(samples, (int) f.getSampleRate());
    } catch (UnsupportedAudioFileException e) {
      throw new IOException("not a WAV file", e);
    }
  }
}
