package dev.krag.stages.edit;

import dev.krag.stages.generate.Fonts;
import dev.krag.stages.music.Synth;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint.CycleMethod;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The film's title card, over its first picture dimmed, and its end card with the credits and
 * licences of everything the film is made of.
 */
final class Cards {

  /** What every krag film is made with; the end card names them and their licences. */
  static final List<String> CREDITS = List.of(
      "Pictures: krag silhouette theatre, drawn with Java2D",
      "Silhouettes: game-icons.net by Lorc, Delapouite and contributors, CC BY 3.0",
      "Narration: MaryTTS cmu-slt-hsmm (LGPL 3.0, CMU ARCTIC voice), FreeTTS kevin16 (BSD-style)",
      Synth.defaultCredit(),
      "Type: EB Garamond, SIL Open Font License 1.1",
      "Encoding: FFmpeg with x264 (GPL) through JavaCV",
      "Made with krag");

  private static final Color INK = new Color(0xfbefd5);

  private Cards() {}

  static BufferedImage title(String title, BufferedImage backdrop) {
    BufferedImage card = dimmed(backdrop, 0.45f);
    Graphics2D g = graphics(card);
    try {
      int w = card.getWidth();
      int h = card.getHeight();
      centred(g, title, Fonts.SEMIBOLD.deriveFont(h / 11f), w, h * 0.5f, INK);
      centred(g, "a picture-book film", Fonts.ITALIC.deriveFont(h / 26f), w, h * 0.5f + h / 10f, INK.darker());
    } finally {
      g.dispose();
    }
    return card;
  }

  static BufferedImage end(String title, BufferedImage backdrop) {
    BufferedImage card = dimmed(backdrop, 0.25f);
    Graphics2D g = graphics(card);
    try {
      int w = card.getWidth();
      int h = card.getHeight();
      centred(g, "The End", Fonts.SEMIBOLD.deriveFont(h / 12f), w, h * 0.3f, INK);
      centred(g, title, Fonts.ITALIC.deriveFont(h / 24f), w, h * 0.3f + h / 12f, INK.darker());
      float line = h / 28f;
      for (int i = 0; i < CREDITS.size(); i++) {
        centred(g, CREDITS.get(i), Fonts.REGULAR.deriveFont(line), w, h * 0.55f + i * line * 1.5f, INK.darker());
      }
    } finally {
      g.dispose();
    }
    return card;
  }

  private static BufferedImage dimmed(BufferedImage backdrop, float brightness) {
    int w = backdrop.getWidth();
    int h = backdrop.getHeight();
    BufferedImage card = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = graphics(card);
    try {
      g.drawImage(backdrop, 0, 0, null);
      g.setColor(new Color(0, 0, 0, Math.round((1 - brightness) * 255)));
      g.fillRect(0, 0, w, h);
      g.setPaint(new RadialGradientPaint(new Point2D.Float(w / 2f, h / 2f), w * 0.7f, new float[] {0.5f, 1f},
          new Color[] {new Color(0, 0, 0, 0), new Color(0, 0, 0, 170)}, CycleMethod.NO_CYCLE));
      g.fillRect(0, 0, w, h);
    } finally {
      g.dispose();
    }
    return card;
  }

  private static Graphics2D graphics(BufferedImage image) {
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    return g;
  }

  private static void centred(Graphics2D g, String text, java.awt.Font font, int width, float baseline, Color colour) {
    g.setFont(font);
    FontMetrics metrics = g.getFontMetrics();
    float x = (width - metrics.stringWidth(text)) / 2f;
    g.setColor(new Color(0, 0, 0, 170));
    g.drawString(text, x + 2, baseline + 2);
    g.setColor(colour);
    g.drawString(text, x, baseline);
  }
}
