package org.tocsin.nlp.harm;

import java.util.Set;
import org.tocsin.nlp.harm.GrammarView.GroupMention;
import org.tocsin.nlp.harm.HarmVocabulary.Match;

/**
 * Constructions German and French share and the common grammar does not read (each language class
 * calls them with its own words):
 *
 * <ul>
 *   <li><b>a good quality denied</b>: a group, a negation and a good quality after the negation, in
 *       one clause, in any order of group and negation ("les X ne seront jamais des gens normaux",
 *       "je n'ai jamais rencontré un X honnête", "man kann X nicht trauen", "X bringen nichts
 *       Gutes"): derogation;
 *   <li><b>an insult in apposition</b>: the group ending its clause, the next clause opening with a
 *       demonstrative and a derogatory or dehumanising word ("les X, ces enfoirés, ...", "die X,
 *       dieses Pack, ..."): derogation or dehumanisation;
 *   <li><b>the group as a question, the insult as its answer</b>: a question that is only the
 *       group, then a sentence opening with a derogatory or dehumanising word ("Les X ? Des
 *       cafards.", "Die X? Kakerlaken."): derogation or dehumanisation;
 *   <li><b>a threat in the second person</b>: the group named in its sentence (addressed), then
 *       "vous allez", "vous serez", "ihr werdet" and a word of dying or a participle of an act
 *       ("les X : vous allez tous crever"): a direct threat.
 * </ul>
 */
final class SharedClauses {
  private SharedClauses() {}

  /** How far apart a group and the good quality denied may stand. */
  static final int DENIED_WINDOW = 9;

  /** "les X ne seront jamais des gens normaux", "man kann X nicht trauen". */
  static void deniedQuality(GrammarView v, GroupMention m) {
    int clause = v.clause(m.start());
    int neg = -1;
    int lo = Math.max(0, m.start() - DENIED_WINDOW);
    int hi = Math.min(v.size(), m.end() + DENIED_WINDOW);
    for (int q = lo; q < hi; q++) {
      if (v.clause(q) != clause) {
        continue;
      }
      if (neg < 0 && v.has(q, HarmClass.NEG)) {
        neg = q;
        continue;
      }
      Match good = neg < 0 ? null : v.first(q, HarmClass.POSITIVE);
      if (good != null && q != m.start()) {
        v.add(Construction.DEROGATION, Act.NONE, m, Math.min(neg, m.start()), q, good, true);
        return;
      }
    }
  }

  /** "les X, ces enfoirés, ...": the demonstratives that open an apposition. */
  static void apposition(GrammarView v, GroupMention m, Set<String> demonstratives) {
    int q = m.end();
    if (m.pronoun() || q >= v.size() || v.clause(q) == v.clause(m.start())) {
      return;
    }
    if (v.sentence(q) != v.sentence(m.start()) || !demonstratives.contains(v.word(q))) {
      return;
    }
    for (int r = q; r < Math.min(v.size(), q + 3) && v.clause(r) == v.clause(q); r++) {
      if (insult(v, m, r, q)) {
        return;
      }
    }
  }

  /** "Les X ? Des cafards.": the words that may open the answer before its insult. */
  static void answered(GrammarView v, GroupMention m, Set<String> openers) {
    if (m.pronoun()) {
      return;
    }
    int s = v.sentence(m.start());
    int q = m.end();
    if (q >= v.size() || v.sentence(q) == s) {
      return; // the question must end with the group
    }
    for (int p = m.start() - 1; p >= 0 && v.sentence(p) == s; p--) {
      if (!v.has(p, HarmClass.FILLER)) {
        return; // the question is more than the group
      }
    }
    for (int r = q; r < Math.min(v.size(), q + 3) && v.sentence(r) == v.sentence(q); r++) {
      if (insult(v, m, r, q)) {
        return;
      }
      if (!openers.contains(v.word(r)) && !v.has(r, HarmClass.FILLER)) {
        return;
      }
    }
  }

  private static boolean insult(GrammarView v, GroupMention m, int r, int from) {
    Match d = v.first(r, HarmClass.DEHUM);
    Match x = d != null ? d : v.first(r, HarmClass.DEROG);
    if (x == null) {
      return false;
    }
    Construction c = d != null ? Construction.DEHUMANISATION : Construction.DEROGATION;
    v.add(c, Act.NONE, m, m.start(), r, x, false);
    return true;
  }

  /**
   * "vous allez tous crever", "ihr werdet alle vergast": at {@code k} the second person and its
   * future auxiliary; the group addressed is named in the sentence.
   */
  static void addressedThreat(GrammarView v, int k, int auxEnd) {
    int clause = v.clause(k);
    for (int r = auxEnd; r < Math.min(v.size(), auxEnd + 4) && v.clause(r) == clause; r++) {
      Match p = v.predicate(r);
      if (p == null && v.has(r, HarmClass.DIE)) {
        p = v.first(r, HarmClass.DIE);
      }
      if (p != null) {
        for (int q = 0; q < v.size(); q++) {
          GroupMention m = v.mentionAt(q);
          if (m != null && !m.pronoun() && v.sentence(q) == v.sentence(k)) {
            v.add(Construction.DIRECT_THREAT, Act.of(p.harmClass()), m, k, r, p, false);
            return;
          }
        }
        return;
      }
    }
  }
}
