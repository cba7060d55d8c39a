package org.tocsin.nlp.harm;

import java.util.Objects;
import org.tocsin.core.score.Ground;

/**
 * One term of a harm vocabulary: its class, its folded words, and for groups the group and ground.
 *
 * @param harmClass the role the term plays
 * @param words the folded words; a word ending in {@code *} matches every word it begins
 * @param gapBefore for each word, whether other words of the clause may stand before it ({@code
 *     ...} in the file); always false for the first word
 * @param imperative the form opens a call at the start of a clause
 * @param human a life term that names humanity (denying it dehumanises)
 * @param wish a call lead that states a wish or a counterfactual ("better if we"): the act after it
 *     may be in the past tense
 * @param slur a group term that is a slur
 * @param tight a call lead whose act must follow it at once ("and", "so", "just")
 * @param group the taxonomy group a group term names, else null
 * @param ground the group's legal ground, else null
 * @param text the term as written in its file, for explanations
 */
record HarmTerm(
    HarmClass harmClass,
    String[] words,
    boolean[] gapBefore,
    boolean imperative,
    boolean human,
    boolean wish,
    boolean slur,
    boolean tight,
    String group,
    Ground ground,
    String text) {

  HarmTerm {
    Objects.requireNonNull(harmClass, "harmClass");
    Objects.requireNonNull(words, "words");
    Objects.requireNonNull(gapBefore, "gapBefore");
    if (words.length == 0 || words.length != gapBefore.length) {
      throw new IllegalArgumentException("a term needs words [got " + text + "]");
    }
  }

  /** Whether the word at {@code i} is a stem ({@code exterminat*}). */
  boolean stem(int i) {
    return words[i].endsWith("*");
  }

  /** Whether a folded token is matched by word {@code i}. */
  boolean matches(int i, String token) {
    String w = words[i];
    if (w.endsWith("*")) {
      return token.length() >= w.length() - 1 && token.startsWith(w.substring(0, w.length() - 1));
    }
    return w.equals(token);
  }
}
