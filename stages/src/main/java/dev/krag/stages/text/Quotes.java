package dev.krag.stages.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the characters of a story speak: the spans between an opening and a closing quote mark.
 * An apostrophe inside a word ("don't", "wolf's") is no quote mark; a speech left open ends with
 * its paragraph (old texts often leave off the closing mark before a song); a song quoted in double
 * marks inside a speech in single ones is a span of its own.
 */
public final class Quotes {

  /** One quoted stretch, from its opening mark to just after its closing one. */
  public record Span(int start, int end) {
    boolean contains(int at) {
      return at >= start && at < end;
    }
  }

  private static final String SINGLE = "'‘’";
  private static final String DOUBLE = "\"“”";
  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");

  private final List<Span> spans;

  private Quotes(List<Span> spans) {
    this.spans = spans;
  }

  public static Quotes in(String text) {
    List<Integer> breaks = new ArrayList<>();
    Matcher m = PARAGRAPH_BREAK.matcher(text);
    while (m.find()) {
      breaks.add(m.start());
    }
    List<Span> spans = new ArrayList<>();
    spans.addAll(spans(text, SINGLE, breaks));
    spans.addAll(spans(text, DOUBLE, breaks));
    return new Quotes(spans);
  }

  /** Whether the text at this offset is said by a character rather than told by the narrator. */
  public boolean spoken(int at) {
    return spans.stream().anyMatch(s -> s.contains(at));
  }

  /** The innermost quote around this offset: the song, not the speech that tells it. */
  public Optional<Span> around(int at) {
    return spans.stream().filter(s -> s.contains(at)).min(Comparator.comparingInt(s -> s.end() - s.start()));
  }

  private static List<Span> spans(String text, String marks, List<Integer> breaks) {
    List<Span> spans = new ArrayList<>();
    int open = -1;
    int nextBreak = 0;
    for (int i = 0; i < text.length(); i++) {
      while (nextBreak < breaks.size() && breaks.get(nextBreak) < i) {
        if (open >= 0) {
          spans.add(new Span(open, breaks.get(nextBreak)));
          open = -1;
        }
        nextBreak++;
      }
      if (marks.indexOf(text.charAt(i)) < 0) {
        continue;
      }
      boolean letterBefore = i > 0 && Character.isLetterOrDigit(text.charAt(i - 1));
      boolean letterAfter = i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i + 1));
      boolean spaceBefore = i == 0 || Character.isWhitespace(text.charAt(i - 1));
      boolean spaceAfter = i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1));
      if (open < 0 && !letterBefore && !spaceAfter) {
        open = i;
      } else if (open >= 0 && !spaceBefore && !letterAfter) {
        spans.add(new Span(open, i + 1));
        open = -1;
      }
    }
    if (open >= 0) {
      spans.add(new Span(open, text.length()));
    }
    return spans;
  }
}
