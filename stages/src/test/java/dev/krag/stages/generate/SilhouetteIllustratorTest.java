package dev.krag.stages.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krag.schemas.Drawn;
import dev.krag.schemas.Location;
import dev.krag.schemas.Rect;
import dev.krag.schemas.RenderManifest;
import dev.krag.schemas.RunConfig;
import dev.krag.schemas.ShotTask;
import dev.krag.schemas.StoryCharacter;
import dev.krag.stages.Fixtures;
import java.awt.Point;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

  /**
   * A character drawn at the same size in two shots of different places is the same picture: of
   * the pixels its figure covers (those where the frame differs from the same frame without it),
   * those inside its outline (every neighbour covered too, so not the anti-aliased edge, which
   * takes some of whatever is behind it) are equal in both shots, all but the few on the inner
   * lines' own anti-aliased edges, while the backdrops behind differ.
   */
  @Test
  void theSameCharacterIsPixelEqualInTwoShotsOfDifferentPlaces() {
    ShotTask forest = Fixtures.task("scene-001-shot-01", "scene-001", 0, "The cat met the fox.", 2, 2);
    ShotTask castle = at(forest, "the king's castle");
    ShotTask forestWithoutThem = ShotTask.newBuilder(forest).setCharacters(List.of()).build();

    Illustration inForest = illustrator.draw(forest);
    Illustration atCastle = illustrator.draw(castle);
    BufferedImage emptyForest = illustrator.draw(forestWithoutThem).image();

    for (int i = 0; i < 2; i++) {
      Rect box = inForest.manifest().getDrawn().get(i).getBox();
      assertThat(atCastle.manifest().getDrawn().get(i).getBox()).isEqualTo(box);
      int inside = 0;
      int equal = 0;
      int backdropDiffers = 0;
      for (Point p : pixelsIn(box, inForest.image())) {
        int drawn = inForest.image().getRGB(p.x, p.y);
        if (drawn == emptyForest.getRGB(p.x, p.y)) {
          backdropDiffers += drawn != atCastle.image().getRGB(p.x, p.y) ? 1 : 0;
        } else if (insideOutline(p, inForest.image(), emptyForest)) {
          inside++;
          equal += drawn == atCastle.image().getRGB(p.x, p.y) ? 1 : 0;
        }
      }
      assertThat(inside).as("the figure covers a good part of its box").isGreaterThan(pixelsIn(box, inForest.image()).size() / 5);
      assertThat((double) equal / inside).as("figure pixels equal in both shots").isGreaterThan(0.97);
      assertThat(backdropDiffers).as("the places behind differ").isGreaterThan(inside / 2);
    }
  }

  @ParameterizedTest(name = "{0} x {1}")
  @CsvSource({"1280, 720", "1920, 1080", "720, 1280", "1080, 1080"})
  void everyFrameShapeHoldsTheWholeCastSideBySideAndReadable(int width, int height) {
    ShotTask task = ShotTask.newBuilder(Fixtures.task("scene-001-shot-01", "scene-001", 0, "They met on the road.", 1, 1))
        .setCharacters(List.of(Fixtures.FOX, Fixtures.CAT, person("char-king", "the king", "an old king", 2),
            person("char-girl", "the girl", "a little girl, his daughter", 3)))
        .setConfig(RunConfig.newBuilder().setWidth(width).setHeight(height).build()).build();

    Illustration drawn = illustrator.draw(task);

    assertThat(drawn.image().getWidth()).isEqualTo(width);
    assertThat(drawn.image().getHeight()).isEqualTo(height);
    List<Rect> boxes = drawn.manifest().getDrawn().stream().map(Drawn::getBox).toList();
    assertThat(boxes).hasSize(4).allSatisfy(box -> {
      assertThat(box.getX()).isGreaterThanOrEqualTo(0.0);
      assertThat(box.getX() + box.getWidth()).isLessThanOrEqualTo(1.0);
      assertThat(box.getHeight() * height).as("tall enough to read").isGreaterThan(Math.min(width, height) * 0.08);
    });
    for (int i = 1; i < boxes.size(); i++) {
      assertThat(boxes.get(i).getX()).as("side by side, not on top of each other")
          .isGreaterThanOrEqualTo(boxes.get(i - 1).getX() + boxes.get(i - 1).getWidth());
    }
  }

  /** Each kind of place paints its own stage: no two backdrops are nearly the same picture. */
  @Test
  void everyKindOfPlaceLooksDifferent() {
    ShotTask base = ShotTask.newBuilder(Fixtures.task("scene-001-shot-01", "scene-001", 0, "They stood there.", 1, 1))
        .setCharacters(List.of()).build();
    List<String> places = List.of("the kitchen", "the castle", "the church", "the mill", "the well", "the sea",
        "the river", "the mountain", "the garden", "the wood", "the village", "the cottage", "the road", "the meadow");
    List<BufferedImage> frames = places.stream().map(place -> illustrator.draw(at(base, place)).image()).toList();

    for (int a = 0; a < frames.size(); a++) {
      for (int b = a + 1; b < frames.size(); b++) {
        assertThat(meanDifference(frames.get(a), frames.get(b))).as(places.get(a) + " against " + places.get(b))
            .isGreaterThan(4.0);
      }
    }
  }

  private static ShotTask at(ShotTask task, String place) {
    return ShotTask.newBuilder(task).setLocation(Location.newBuilder().setId("loc-" + place.hashCode()).setName(place)
        .setDescription("").build()).build();
  }

  private static StoryCharacter person(String id, String name, String description, int castIndex) {
    return StoryCharacter.newBuilder().setId(id).setName(name).setDescription(description).setCastIndex(castIndex).build();
  }

  /** Whether the pixel and its eight neighbours all differ from the frame drawn without the figures. */
  private static boolean insideOutline(Point p, BufferedImage drawn, BufferedImage without) {
    for (int dy = -1; dy <= 1; dy++) {
      for (int dx = -1; dx <= 1; dx++) {
        int x = p.x + dx;
        int y = p.y + dy;
        if (x < 0 || y < 0 || x >= drawn.getWidth() || y >= drawn.getHeight() || drawn.getRGB(x, y) == without.getRGB(x, y)) {
          return false;
        }
      }
    }
    return true;
  }

  private static List<Point> pixelsIn(Rect box, BufferedImage image) {
    int x0 = (int) Math.round(box.getX() * image.getWidth());
    int y0 = (int) Math.round(box.getY() * image.getHeight());
    int x1 = (int) Math.round((box.getX() + box.getWidth()) * image.getWidth());
    int y1 = (int) Math.round((box.getY() + box.getHeight()) * image.getHeight());
    List<Point> points = new ArrayList<>();
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        points.add(new Point(x, y));
      }
    }
    return points;
  }

  /** Mean absolute difference per channel, 0 to 255. */
  private static double meanDifference(BufferedImage a, BufferedImage b) {
    byte[] pa = pixels(a);
    byte[] pb = pixels(b);
    long sum = 0;
    for (int i = 0; i < pa.length; i++) {
      sum += Math.abs((pa[i] & 0xff) - (pb[i] & 0xff));
    }
    return (double) sum / pa.length;
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
