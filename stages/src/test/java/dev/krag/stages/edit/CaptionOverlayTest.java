package dev.krag.stages.edit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CaptionOverlayTest {

  @Test
  void theBlendIsTheRoundedDivisionForEverySampleAlphaAndColour() {
    for (int base = 0; base < 256; base++) {
      for (int alpha = 0; alpha < 256; alpha++) {
        for (int colour = 0; colour < 256; colour++) {
          int expected = (base * (255 - alpha) + colour * alpha + 127) / 255;
          int actual = CaptionOverlay.mix(base, 255 - alpha, colour * alpha + 127);
          if (actual != expected) {
            assertEquals(expected, actual, "base " + base + ", alpha " + alpha + ", colour " + colour);
          }
        }
      }
    }
  }

  @Test
  void aCaptionChangesItsBandAtTheBottomOfTheFrameAndNothingAboveIt() {
    int width = 640;
    int height = 360;
    Yuv420 frame = Yuv420.blank(width, height);
    Arrays.fill(frame.data(), (byte) 200);
    byte[] before = frame.data().clone();

    CaptionOverlay.of("Once upon a time there lived a miller who was poor.", width, height).drawOn(frame);

    int upperHalf = width * height / 2;
    assertArrayEquals(Arrays.copyOf(before, upperHalf), Arrays.copyOf(frame.data(), upperHalf), "luma above the caption");
    byte[] lastRows = Arrays.copyOfRange(frame.data(), width * (height - 40), width * height);
    assertFalse(Arrays.equals(Arrays.copyOfRange(before, width * (height - 40), width * height), lastRows),
        "the caption's band is darkened and lettered");
  }
}
