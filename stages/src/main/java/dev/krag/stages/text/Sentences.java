package dev.krag.stages.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits prose into sentences. A sentence ends at . ! or ? (with any closing quote) followed by
 * white space; dialogue in single quotes stays with the sentence that frames it when the quote
 * does not end it ("'Good day,' said the fox.").
 */
public final class Sentences {

  private static final Pattern END = Pattern.compile("[.!?]+['’\"”)]*(?=\\s+|$)");
  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");
  /** Abbreviations that end with a period but not a sentence. */
  private static final Pattern ABBREVIATION = Pattern.compile("(?i)\\b(mr|mrs|ms|dr|st|mt)\\.$");
  /** After a quote ends with ?/!, a lowercase word continues the same sentence ("'Who?' asked he"). */
  private static final Pattern CONTINUES = Pattern.compile("\\s+[a-z]");

  private Sentences() {}

  public static List<Sentence> split(String text) {
    List<Sentence> sentences = new ArrayList<>();
    List<Integer> paragraphStarts = paragraphStarts(text);
    Matcher end = END.matcher(text);
    int start = skipSpace(text, 0);
    while (end.find()) {
      int stop = end.end();
      if (stop <= start
          || ABBREVIATION.matcher(text.substring(start, stop)).find()
          || CONTINUES.matcher(text).region(stop, text.length()).lookingAt()) {
        continue;
      }
      add(sentences, text, start, stop, paragraphStarts);
      start = skipSpace(text, stop);
    }
    if (start < text.length()) {
      add(sentences, text, start, text.length(), paragraphStarts);
    }
    return sentences;
  }

  private static void add(List<Sentence> out, String text, int start, int stop, List<Integer> paragraphStarts) {
    String body = text.substring(start, stop).replaceAll("\\s+", " ").strip();
    if (Words.count(body) == 0) {
      return;
    }
    boolean startsParagraph = out.isEmpty() || paragraphStarts.stream().anyMatch(p -> p <= start && p > out.getLast().end());
    out.add(new Sentence(body, start, stop, startsParagraph));
  }

  private static List<Integer> paragraphStarts(String text) {
    List<Integer> starts = new ArrayList<>();
    Matcher m = PARAGRAPH_BREAK.matcher(text);
    while (m.find()) {
      starts.add(m.end());
    }
    return starts;
  }

  private static int skipSpace(String text, int from) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }
}
