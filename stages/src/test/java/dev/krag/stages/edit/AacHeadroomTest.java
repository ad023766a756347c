package dev.krag.stages.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krag.stages.Ebur128;
import dev.krag.stages.music.AacFile;
import dev.krag.stages.music.Loudness;
import dev.krag.stages.music.Mixer;
import dev.krag.stages.music.Soundtrack;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AacHeadroomTest {

  /**
   * Decaying square-wave bursts are hard on the encoder: limited to −2 dBTP, they come out of AAC
   * over −1 dBTP; the fitted mix comes out under the critic's ceiling, as ffmpeg's meter reads it.
   */
  @Test
  void theEncodedSoundStaysUnderTheCeilingWhereTheEncoderWouldPushItOver(@TempDir Path dir) throws Exception {
    int rate = Loudness.SAMPLE_RATE;
    short[] narration = new short[rate * 20];
    short[] music = new short[narration.length];
    Random random = new Random(7);
    for (int i = 0; i < narration.length; i++) {
      boolean speaking = (i / (rate / 4)) % 3 != 2;
      double square = Math.signum(Math.sin(2 * Math.PI * 110 * i / rate));
      narration[i] = speaking ? (short) (3000 * square * Math.exp(-(i % 12000) / 2000.0)) : 0;
      music[i] = (short) (random.nextGaussian() * 300);
    }
    // A first ceiling the encoder is known to push this sound over.
    Mixer.Settings tight = VideoEditor.SOUND.withCeiling(-2);
    Mixer.Mixed first = new Mixer(tight).mix(narration, music);
    Soundtrack.Made made = new Soundtrack.Made(first, narration, music);

    Path kept = dir.resolve("fitted.m4a");
    AacHeadroom.encode(made, tight, kept);

    Path naive = encoded(first.samples(), dir.resolve("naive.m4a"));
    assertThat(Ebur128.measure(naive).truePeak()).as("the encoder pushes the first mix over").isGreaterThan(-1.0);
    Ebur128.Reading fitted = Ebur128.measure(kept);
    assertThat(fitted.truePeak()).as("ffmpeg's reading of the fitted encode").isLessThanOrEqualTo(-1.0);
    assertThat(fitted.integrated()).as("still at the loudness target").isBetween(-17.0, -15.0);
  }

  private static Path encoded(short[] samples, Path file) throws Exception {
    try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 1)) {
      recorder.setFormat("mp4");
      AacFile.settings(recorder);
      recorder.start();
      recorder.recordSamples(Loudness.SAMPLE_RATE, 1, ShortBuffer.wrap(samples));
      recorder.stop();
    }
    assertThat(Files.size(file)).isPositive();
    return file;
  }
}
