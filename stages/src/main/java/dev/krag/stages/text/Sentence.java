package dev.krag.stages.text;

/**
 * One sentence of a story, with where it stands in the source text.
 *
 * @param startsParagraph whether a blank line comes before it
 */
public record Sentence(String text, int start, int end, boolean startsParagraph) {

  public int words() {
    return Words.count(text);
  }
}
