package dev.krag.stages.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krag.schemas.Drawn;
import dev.krag.schemas.Rect;
import dev.krag.schemas.RenderManifest;
import dev.krag.schemas.ShotTask;
import dev.krag.stages.Fixtures;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SilhouetteIllustratorTest {

  private final SilhouetteIllustrator illustrator = new SilhouetteIllustrator();

  @Test
  void drawsAFrameOfTheRunsSizeThatTheEncoderTakesAsItIs() {
    ShotTask task = Fixtures.task("scene-001-shot-01", "scene-001", 0, "It happened that the cat met the fox in a forest.", 1, 1);

    BufferedImage frame = illustrator.draw(task).image();

    assertThat(frame.getWidth()).isEqualTo(640);
    assertThat(frame.getHeight()).isEqualTo(360);
    assertThat(frame.getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
    assertThat(distinctColours(frame)).as("a picture, not a flat fill").isGreaterThan(500);
  }

  @Test
  void theSameShotIsDrawnTheSameEveryTime() {
    ShotTask task = Fixtures.task("scene-001-shot-01", "scene-001", 0, "The cat sprang up a tree at night.", 1, 1);

    assertThat(pixels(illustrator.draw(task).image())).isEqualTo(pixels(illustrator.draw(task).image()));
  }

  @Test
  void theManifestBoxesEveryCharacterInsideTheFrameAndTheMotionStaysOnIt() {
    ShotTask task = Fixtures.task("scene-001-shot-02", "scene-001", 1, "The fox looked down on the cat.", 2, 1);

    RenderManifest manifest = illustrator.draw(task).manifest();

    assertThat(manifest.getDrawn()).extracting(Drawn::getId).containsExactly(Fixtures.FOX.getId(), Fixtures.CAT.getId());
    assertThat(manifest.getDrawn()).allSatisfy(d -> {
      assertThat(d.getKind()).isEqualTo(SilhouetteIllustrator.CHARACTER);
      assertThat(d.getBox().getX()).isBetween(0.0, 1.0);
      assertThat(d.getBox().getX() + d.getBox().getWidth()).isBetween(0.0, 1.0);
      assertThat(d.getBox().getWidth() * d.getBox().getHeight()).as("a figure, not a dot").isGreaterThan(0.005);
    });
    for (Rect window : List.of(manifest.getMotionStart(), manifest.getMotionEnd())) {
      assertThat(window.getX()).isBetween(0.0, 1.0 - window.getWidth());
      assertThat(window.getY()).isBetween(0.0, 1.0 - window.getHeight());
      assertThat(window.getWidth()).isEqualTo(window.getHeight()).isBetween(0.8, 1.0);
    }
    assertThat(manifest.getMotionStart()).isNotEqualTo(manifest.getMotionEnd());
  }

  @Test
  void aCharacterLooksTheSameInEveryShotAndDifferentFromTheOthers() {
    RenderManifest wide = illustrator.draw(Fixtures.task("scene-001-shot-01", "scene-001", 0, "The cat met the fox.", 2, 1)).manifest();
    RenderManifest night = illustrator.draw(Fixtures.task("scene-002-shot-01", "scene-002", 5, "At night the fox ran.", 2, 2)).manifest();

    assertThat(wide.getDrawn().get(0).getLook()).isEqualTo(night.getDrawn().get(0).getLook()).isNotEmpty();
    assertThat(wide.getDrawn().get(1).getLook()).isEqualTo(night.getDrawn().get(1).getLook());
    assertThat(wide.getDrawn().get(0).getLook()).as("the fox is not drawn as the cat").isNotEqualTo(wide.getDrawn().get(1).getLook());
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
