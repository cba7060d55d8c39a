package org.tocsin.nlp.baseline;

import java.util.Objects;
import org.tocsin.core.score.Ground;

/**
 * One line of a lexicon.
 *
 * @param term the words to match, lower case, separated by single spaces
 * @param category what the term signals
 * @param weight in (0, 1]: for groups and slurs how surely the term names the group, otherwise how
 *     strongly it carries its category
 * @param group taxonomy name of the group for {@link LexiconCategory#namesGroup() group and slur}
 *     entries, else {@code null}
 * @param ground the group's legal ground for group and slur entries, else {@code null}
 * @param source where the term comes from ({@code tocsin}, {@code davidson2017}, ...)
 */
public record LexiconEntry(
    String term,
    LexiconCategory category,
    double weight,
    String group,
    Ground ground,
    String source) {

  /** Checks the fields. */
  public LexiconEntry {
    Objects.requireNonNull(term, "term");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(source, "source");
    if (term.isBlank()) {
      throw new IllegalArgumentException("term must not be blank");
    }
    if (!(weight > 0 && weight <= 1)) {
      throw new IllegalArgumentException("weight must lie in (0, 1] [got " + weight + "]");
    }
    if (category.namesGroup() != (group != null) || category.namesGroup() != (ground != null)) {
      throw new IllegalArgumentException(
          "group and ground are required for group and slur entries and forbidden otherwise [got "
              + category.jsonName()
              + ", "
              + group
              + ", "
              + ground
              + "]");
    }
  }

  /** How many words the term has. */
  public int wordCount() {
    int n = 1;
    for (int i = 0; i < term.length(); i++) {
      if (term.charAt(i) == ' ') {
        n++;
      }
    }
    return n;
  }
}
