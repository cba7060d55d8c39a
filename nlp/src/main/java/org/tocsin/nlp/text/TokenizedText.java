package org.tocsin.nlp.text;

import java.util.List;

/**
 * The words of a text, in order.
 *
 * @param tokens the words
 * @param truncated whether the text was longer than the tokenizer's limits, so that only its
 *     beginning was read
 */
public record TokenizedText(List<Token> tokens, boolean truncated) {

  /** Freezes the list. */
  public TokenizedText {
    tokens = List.copyOf(tokens == null ? List.of() : tokens);
  }
}
