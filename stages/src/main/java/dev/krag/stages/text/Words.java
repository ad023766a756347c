package dev.krag.stages.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Word counting the way a narrator reads: hyphenated and quoted words are one word. */
public final class Words {

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");

  private Words() {}

  public static int count(String text) {
    Matcher m = WORD.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** The first {@code max} words of a text, with an ellipsis when it was cut. */
  public static String first(String text, int max) {
    Matcher m = WORD.matcher(text);
    int n = 0;
    while (m.find()) {
      if (++n == max) {
        String head = text.substring(0, m.end());
        return head.length() < text.strip().length() ? head + "…" : head;
      }
    }
    return text.strip();
  }
}
