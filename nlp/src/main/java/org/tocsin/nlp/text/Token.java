package org.tocsin.nlp.text;

import java.util.Objects;

/**
 * One word of a text, normalised for lexicon look-up, with where it sits in the original.
 *
 * @param text the word, NFKC-normalised and lower-cased with {@link java.util.Locale#ROOT}
 * @param start offset of the word's first char in the original text
 * @param end offset just past the word's last char in the original text
 * @param hashtag whether the word came from a hashtag ({@code #StopTheHate} gives {@code stop},
 *     {@code the}, {@code hate})
 * @param sentenceStart whether the word opens the text or follows a sentence end or a line break
 */
public record Token(String text, int start, int end, boolean hashtag, boolean sentenceStart) {

  /** Checks the fields. */
  public Token {
    Objects.requireNonNull(text, "text");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad token span [got " + start + ", " + end + "]");
    }
  }
}
