package org.tocsin.nlp.baseline;

import java.util.ArrayList;
import java.util.List;
import org.tocsin.nlp.text.Token;

/**
 * Finds lexicon entries among the words of a post: longest multi-word term first, then single
 * words, with a possessive {@code 's} stripped when the word itself is not in the lexicon.
 */
final class LexiconMatcher {
  private LexiconMatcher() {}

  /** Returns the hits in token order; a term with several categories gives one hit for each. */
  static List<Hit> match(Lexicon lexicon, List<Token> tokens, String text) {
    List<Hit> hits = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      Lexicon.Phrase phrase = lexicon.longestPhraseAt(tokens, i);
      if (phrase != null) {
        int end = i + phrase.words().size();
        add(hits, phrase.entries(), tokens, i, end, text);
        i = end;
        continue;
      }
      String word = tokens.get(i).text();
      List<LexiconEntry> entries = lexicon.single(word);
      if (entries.isEmpty() && word.length() > 2 && word.endsWith("'s")) {
        entries = lexicon.single(word.substring(0, word.length() - 2));
      }
      add(hits, entries, tokens, i, i + 1, text);
      i++;
    }
    return hits;
  }

  private static void add(
      List<Hit> hits,
      List<LexiconEntry> entries,
      List<Token> tokens,
      int first,
      int end,
      String text) {
    if (entries.isEmpty()) {
      return;
    }
    String surface = surface(tokens, first, end, text);
    boolean sentenceStart = tokens.get(first).sentenceStart();
    for (LexiconEntry e : entries) {
      hits.add(new Hit(e, first, end, surface, sentenceStart));
    }
  }

  /**
   * The matched words as written in the post, joined by single spaces, without invisible format
   * characters (zero-width joiners, direction overrides) that would garble an analyst's display.
   */
  private static String surface(List<Token> tokens, int first, int end, String text) {
    StringBuilder sb = new StringBuilder();
    for (int k = first; k < end; k++) {
      if (k > first) {
        sb.append(' ');
      }
      Token t = tokens.get(k);
      for (int i = t.start(); i < t.end(); ) {
        int cp = text.codePointAt(i);
        if (Character.getType(cp) != Character.FORMAT) {
          sb.appendCodePoint(cp);
        }
        i += Character.charCount(cp);
      }
    }
    return sb.toString();
  }
}
