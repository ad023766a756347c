package dev.krag.stages.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krag.schemas.ShotTask;
import dev.krag.stages.Fixtures;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SilhouetteIllustratorTest {

  private final SilhouetteIllustrator illustrator = new SilhouetteIllustrator();

  @Test
  void drawsAFrameOfTheRunsSizeThatTheEncoderTakesAsItIs() {
    ShotTask task = Fixtures.task("scene-001-shot-01", "scene-001", 0, "It happened that the cat met the fox in a forest.", 1, 1);

    BufferedImage frame = illustrator.draw(task);

    assertThat(frame.getWidth()).isEqualTo(640);
    assertThat(frame.getHeight()).isEqualTo(360);
    assertThat(frame.getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
    assertThat(distinctColours(frame)).as("a picture, not a flat fill").isGreaterThan(500);
  }

  @Test
  void theSameShotIsDrawnTheSameEveryTime() {
    ShotTask task = Fixtures.task("scene-001-shot-01", "scene-001", 0, "The cat sprang up a tree at night.", 1, 1);

    assertThat(pixels(illustrator.draw(task))).isEqualTo(pixels(illustrator.draw(task)));
  }

  private static byte[] pixels(BufferedImage image) {
    return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
  }

  private static int distinctColours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }
}
