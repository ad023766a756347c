package dev.krag.stages.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotesTest {

  @Test
  void apostrophesInWordsAreNoQuoteMarks() {
    String text = "The wolf's voice was rough. 'I don't know,' said the kid, 'who's there.' Then it slept.";
    Quotes quotes = Quotes.in(text);

    assertThat(quotes.spoken(text.indexOf("wolf's"))).isFalse();
    assertThat(quotes.spoken(text.indexOf("know"))).isTrue();
    assertThat(quotes.spoken(text.indexOf("said"))).isFalse();
    assertThat(quotes.spoken(text.indexOf("there"))).isTrue();
    assertThat(quotes.spoken(text.indexOf("slept"))).isFalse();
  }

  @Test
  void aSpeechLeftOpenEndsWithItsParagraphAndASongInsideItIsItsOwnQuote() {
    String text = "He said, 'I saw a dwarf singing:\n\n \"Merry am I!\"\n\nThe queen laughed.";
    Quotes quotes = Quotes.in(text);

    assertThat(quotes.spoken(text.indexOf("dwarf"))).isTrue();
    assertThat(quotes.around(text.indexOf("Merry")).orElseThrow().start()).isEqualTo(text.indexOf('"'));
    assertThat(quotes.spoken(text.indexOf("queen"))).isFalse();
  }
}
