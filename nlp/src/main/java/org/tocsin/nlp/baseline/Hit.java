package org.tocsin.nlp.baseline;

/**
 * A lexicon entry found in a post.
 *
 * @param entry the lexicon entry
 * @param first index of the first matched token
 * @param end index just past the last matched token
 * @param surface the matched words as they appear in the post, joined by single spaces
 * @param sentenceStart whether the match opens a sentence
 */
record Hit(LexiconEntry entry, int first, int end, String surface, boolean sentenceStart) {

  LexiconCategory category() {
    return entry.category();
  }

  double weight() {
    return entry.weight();
  }

  String term() {
    return entry.term();
  }

  /** Token distance to another hit: 0 if they overlap, 1 if adjacent, and so on. */
  int distanceTo(Hit other) {
    if (end <= other.first) {
      return other.first - end + 1;
    }
    if (other.end <= first) {
      return first - other.end + 1;
    }
    return 0;
  }
}
