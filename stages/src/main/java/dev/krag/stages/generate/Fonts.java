package dev.krag.stages.generate;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The book serif every caption and card is set in (EB Garamond, SIL Open Font License). */
public final class Fonts {

  public static final Font REGULAR = load("/fonts/EBGaramond_400Regular.ttf");
  public static final Font ITALIC = load("/fonts/EBGaramond_400Regular_Italic.ttf");
  public static final Font SEMIBOLD = load("/fonts/EBGaramond_600SemiBold.ttf");

  private Fonts() {}

  private static Font load(String resource) {
    try (InputStream in = Fonts.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("font missing from the classpath: " + resource);
      }
      return Font.createFont(Font.TRUETYPE_FONT, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (FontFormatException e) {
      throw new IllegalStateException("unreadable font " + resource, e);
    }
  }
}
