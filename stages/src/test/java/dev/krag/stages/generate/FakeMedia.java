package dev.krag.stages.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.imageio.ImageIO;

/** What the image and voice doubles send: real PNGs and real PCM, shaped so a test can tell what became of them. */
final class FakeMedia {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Edge bands, each this fraction of the picture's side. */
  static final double BAND = 0.04;
  static final Color TOP = Color.RED;
  static final Color BOTTOM = Color.BLUE;
  static final Color LEFT = Color.YELLOW;
  static final Color RIGHT = Color.MAGENTA;
  /** Seconds of tone a double reads for each character at speed 1, after a fixed breath. */
  static final double SECONDS_PER_CHAR = 0.06;
  static final double BREATH_SECONDS = 0.2;
  static final int TONE_HZ = 220;
  static final short AMPLITUDE = 8000;

  private FakeMedia() {}

  /** A PNG: a green gradient with a coloured band along each edge, so a test sees which edges a crop kept. */
  static byte[] png(int width, int height) {
    BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = picture.createGraphics();
    try {
      g.setPaint(new GradientPaint(0, 0, new Color(20, 120, 40), width, height, new Color(120, 220, 140)));
      g.fillRect(0, 0, width, height);
      int bandX = (int) Math.round(width * BAND);
      int bandY = (int) Math.round(height * BAND);
      g.setColor(TOP);
      g.fillRect(bandX, 0, width - 2 * bandX, bandY);
      g.setColor(BOTTOM);
      g.fillRect(bandX, height - bandY, width - 2 * bandX, bandY);
      g.setColor(LEFT);
      g.fillRect(0, 0, bandX, height);
      g.setColor(RIGHT);
      g.fillRect(width - bandX, 0, bandX, height);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(picture, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Raw 16-bit little-endian mono PCM: a tone as long as the text takes to read at this speed. */
  static byte[] pcm(String text, double speed, int sampleRate) {
    int samples = (int) Math.round(seconds(text, speed) * sampleRate);
    ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < samples; i++) {
      pcm.putShort((short) Math.round(AMPLITUDE * Math.sin(2 * Math.PI * TONE_HZ * i / sampleRate)));
    }
    return pcm.array();
  }

  static double seconds(String text, double speed) {
    return BREATH_SECONDS + text.length() * SECONDS_PER_CHAR / speed;
  }

  /** A reply body: the value as JSON. */
  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
