package dev.krag.stages.edit;

import dev.krag.stages.generate.Fonts;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;

/** The narration set in the book serif across the foot of the frame, as in a picture book. */
final class Caption {

  static final int MAX_LINES = 3;

  private Caption() {}

  static void paint(Graphics2D g, int w, int h, String narration) {
    float size = h / 24f;
    g.setFont(Fonts.ITALIC.deriveFont(size));
    FontMetrics metrics = g.getFontMetrics();
    List<String> lines = wrap(narration, metrics, (int) (w * 0.84), MAX_LINES);
    float lineHeight = metrics.getHeight() * 0.95f;
    float top = h - lineHeight * lines.size() - h * 0.05f;
    g.setPaint(new GradientPaint(0, top - lineHeight, new Color(0, 0, 0, 0), 0, top + lineHeight, new Color(0, 0, 0, 130)));
    g.fillRect(0, (int) (top - lineHeight), w, (int) (h - top + lineHeight));
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      float x = (w - metrics.stringWidth(line)) / 2f;
      float y = top + lineHeight * (i + 0.8f);
      g.setColor(new Color(0, 0, 0, 170));
      g.drawString(line, x + 2, y + 2);
      g.setColor(new Color(0xfbefd5));
      g.drawString(line, x, y);
    }
  }

  /** The text in lines that fit the width; past {@code maxLines} the last line ends in an ellipsis. */
  static List<String> wrap(String text, FontMetrics metrics, int width, int maxLines) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split("\\s+")) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (metrics.stringWidth(candidate) > width && !line.isEmpty()) {
        lines.add(line.toString());
        if (lines.size() == maxLines) {
          lines.set(maxLines - 1, lines.get(maxLines - 1) + " …");
          return lines;
        }
        line.setLength(0);
        line.append(word);
      } else {
        line.setLength(0);
        line.append(candidate);
      }
    }
    if (!line.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }
}
