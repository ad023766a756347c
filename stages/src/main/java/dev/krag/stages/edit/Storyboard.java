package dev.krag.stages.edit;

import dev.krag.schemas.ShotAssets;
import dev.krag.stages.generate.Fonts;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.Function;

/**
 * The storyboard sheet of a film: every shot's still in a grid, in film order, with its id and the
 * start of its narration, so a person can see the whole film at a glance before watching it.
 */
final class Storyboard {

  static final int COLUMNS = 4;
  static final int THUMB_WIDTH = 360;
  private static final int MARGIN = 24;
  private static final int HEADER = 90;
  private static final int TEXT_LINES = 3;
  private static final Color PAPER = new Color(0xf4ecd8);
  private static final Color INK = new Color(0x2b2118);

  private Storyboard() {}

  static BufferedImage draw(String title, List<ShotAssets> shots, Function<ShotAssets, BufferedImage> still) {
    BufferedImage first = still.apply(shots.getFirst());
    int thumbHeight = THUMB_WIDTH * first.getHeight() / first.getWidth();
    int lineHeight = 20;
    int cellHeight = thumbHeight + 28 + TEXT_LINES * lineHeight + MARGIN;
    int rows = (shots.size() + COLUMNS - 1) / COLUMNS;
    int width = MARGIN + COLUMNS * (THUMB_WIDTH + MARGIN);
    BufferedImage sheet = new BufferedImage(width, HEADER + rows * cellHeight + MARGIN, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = sheet.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(PAPER);
      g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
      g.setColor(INK);
      g.setFont(Fonts.SEMIBOLD.deriveFont(40f));
      g.drawString(title + " — storyboard, " + shots.size() + " shots", MARGIN, 58);
      for (int i = 0; i < shots.size(); i++) {
        ShotAssets shot = shots.get(i);
        int x = MARGIN + (i % COLUMNS) * (THUMB_WIDTH + MARGIN);
        int y = HEADER + (i / COLUMNS) * cellHeight;
        g.drawImage(i == 0 ? first : still.apply(shot), x, y, THUMB_WIDTH, thumbHeight, null);
        g.setColor(INK);
        g.drawRect(x, y, THUMB_WIDTH, thumbHeight);
        g.setFont(Fonts.SEMIBOLD.deriveFont(17f));
        g.drawString(String.format("%d · %s · %s", i + 1, shot.getTask().getShot().getShotId(),
            shot.getTask().getShot().getCamera().name().toLowerCase().replace('_', '-')), x, y + thumbHeight + 22);
        g.setFont(Fonts.ITALIC.deriveFont(17f));
        FontMetrics metrics = g.getFontMetrics();
        List<String> lines = Caption.wrap(shot.getTask().getShot().getNarration(), metrics, THUMB_WIDTH, TEXT_LINES);
        for (int l = 0; l < lines.size(); l++) {
          g.drawString(lines.get(l), x, y + thumbHeight + 22 + (l + 1) * lineHeight);
        }
      }
    } finally {
      g.dispose();
    }
    return sheet;
  }
}
