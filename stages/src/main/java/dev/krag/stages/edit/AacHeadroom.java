package dev.krag.stages.edit;

import dev.krag.stages.music.AacFile;
import dev.krag.stages.music.Loudness;
import dev.krag.stages.music.Mixer;
import dev.krag.stages.music.Soundtrack;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the film's true peak under its ceiling after the AAC encode. How far the encoder moves
 * the peak depends on the sound (0.2 dB on a two-shot test film, 1.6 dB on a twenty-minute tale),
 * so it is measured rather than guessed: the mix is encoded alone with the film's audio settings,
 * decoded and metered, and mixed again with the limiter lower by as much as the encode went over.
 */
final class AacHeadroom {

  private static final Logger LOG = LoggerFactory.getLogger(AacHeadroom.class);
  /** Mixes tried at most: the first, and two lowered by what the encoder added. */
  static final int PASSES = 3;
  /**
   * Where krag's meter must read the encoded sound: under the critic's −1 dBTP by the 0.2 dB that
   * ffmpeg's true-peak meter reads above krag's, and a tenth more.
   */
  static final double ENCODED_CEILING_DBTP = -1.3;

  private AacHeadroom() {}

  /**
   * The mix encoded to AAC in {@code file} with the film's audio settings, its true peak under
   * {@link #ENCODED_CEILING_DBTP}, starting from the soundtrack's own mix. The file is the film's
   * sound as it is muxed: what was metered is what plays.
   */
  static void encode(Soundtrack.Made made, Mixer.Settings settings, Path file) throws IOException {
    Mixer.Mixed mix = made.mix();
    Mixer.Settings current = settings;
    for (int pass = 1; ; pass++) {
      AacFile.write(mix.samples(), file);
      double encoded = Loudness.truePeak(DecodedSound.of(file));
      if (encoded <= ENCODED_CEILING_DBTP || pass == PASSES) {
        LOG.info("sound: limiter at {} dBTP, {} dBTP after the AAC encode (pass {})", String.format("%.2f", current.ceilingDbtp()),
            String.format("%.2f", encoded), pass);
        return;
      }
      current = current.withCeiling(current.ceilingDbtp() - (encoded - ENCODED_CEILING_DBTP) - 0.1);
      mix = new Mixer(current).mix(made.narration(), made.music());
    }
  }
}
