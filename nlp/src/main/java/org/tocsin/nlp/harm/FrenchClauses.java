package org.tocsin.nlp.harm;

import java.util.Set;
import org.tocsin.nlp.harm.GrammarView.GroupMention;
import org.tocsin.nlp.harm.HarmVocabulary.Match;

/**
 * French constructions the shared grammar does not read:
 *
 * <ul>
 *   <li><b>a wish in the subjunctive</b>: "qu'" or "que" opening a clause, then within a few words
 *       a group or a pronoun for one ("qu'ils", "qu'on les") and an act or a word of dying ("qu'ils
 *       crèvent, ces X", "qu'on les chasse", "que les X disparaissent"): a call;
 *   <li><b>a threat in the future tense</b>: the speaker ("je", "on", "nous"), then within a few
 *       words (clitics, "tous") an act written in the future or conditional ("on les massacrera
 *       tous, ces X", "je tuerai les X"), the group a clitic before it or a group after it: a
 *       direct threat;
 *   <li><b>an insult that names the group</b>: a derogatory noun, "de", the group ("ces connards de
 *       X", "putain d'X"), "sale(s)" right before it ("sales X"), or "de merde" after it:
 *       derogation;
 *   <li>and the constructions of {@link SharedClauses}: a good quality denied, an insult in
 *       apposition or as the answer to a question naming the group, a threat to a group addressed
 *       ("vous allez tous crever").
 * </ul>
 *
 * <p>The shared blockers (negation, quotation, reports, counter-speech, news, genuine questions)
 * apply to each.
 */
final class FrenchClauses implements LanguageClauses {

  /** How many words a subjunctive wish's subject and act may take after "qu'". */
  static final int WISH_WINDOW = 4;

  private static final Set<String> SUBJUNCTIVE_SUBJECTS = Set.of("ils", "elles", "on");

  private static final Set<String> CLITICS = Set.of("les", "leur", "l'", "se", "s'", "y", "en");

  /** Words that may stand between "qu'" and the group: clitics, articles, "tous". */
  private static final Set<String> BEFORE_GROUP =
      Set.of("les", "leur", "l'", "se", "s'", "y", "en", "ces", "tous", "toutes", "ses");

  private static final Set<String> DEMONSTRATIVES = Set.of("ces", "ce", "cette", "cet", "quels");

  private static final Set<String> ANSWER_OPENERS = Set.of("des", "de", "que", "tous", "toutes");

  private static final Set<String> SPEAKERS = Set.of("je", "j'", "on", "nous");

  /** Endings of the future and conditional of the first and third persons (folded). */
  private static final String[] FUTURE_ENDINGS = {
    "raient", "rions", "rait", "rais", "rons", "rai", "ra"
  };

  @Override
  public void find(GrammarView v) {
    for (int k = 0; k < v.size(); k++) {
      String w = v.word(k);
      if ((w.equals("qu'") || w.equals("que")) && opens(v, k)) {
        wish(v, k);
      }
      if (SPEAKERS.contains(w)) {
        futureThreat(v, k);
      }
      insult(v, k);
      GroupMention m = v.mentionAt(k);
      if (m != null) {
        SharedClauses.deniedQuality(v, m);
        SharedClauses.apposition(v, m, DEMONSTRATIVES);
        SharedClauses.answered(v, m, ANSWER_OPENERS);
        ofShit(v, m);
      }
      if (w.equals("vous") && k + 1 < v.size()) {
        String aux = v.word(k + 1);
        if (aux.equals("allez") || aux.equals("serez") || aux.equals("irez")) {
          SharedClauses.addressedThreat(v, k, k + 2);
        }
      }
    }
  }

  /** "ces X de merde". */
  private static void ofShit(GrammarView v, GroupMention m) {
    int q = m.end();
    if (!m.pronoun()
        && q + 1 < v.size()
        && v.clause(q + 1) == v.clause(m.start())
        && v.word(q).equals("de")
        && v.word(q + 1).equals("merde")) {
      v.add(Construction.DEROGATION, Act.NONE, m, m.start(), q + 1, null, false);
    }
  }

  /** Whether a word opens its clause, or follows a call lead in it ("je veux qu'ils ..."). */
  private static boolean opens(GrammarView v, int k) {
    if (k == 0 || v.clause(k - 1) != v.clause(k)) {
      return true;
    }
    for (int q = k - 1; q >= Math.max(0, k - 4) && v.clause(q) == v.clause(k); q--) {
      if (v.has(q, HarmClass.CALL_LEAD)) {
        return true;
      }
    }
    return k == 1 && Conjunctions.isAnd("fr", v.word(0));
  }

  /** "qu'ils crèvent", "qu'on les chasse", "que les X disparaissent". */
  private static void wish(GrammarView v, int k) {
    int clause = v.clause(k);
    GroupMention m = null;
    int q = k + 1;
    int limit = Math.min(v.size(), k + 1 + WISH_WINDOW);
    for (; q < limit && v.clause(q) == clause; q++) {
      GroupMention here = v.mentionAt(q);
      if (here != null) {
        m = here;
        q = here.end();
        break;
      }
      if (!SUBJUNCTIVE_SUBJECTS.contains(v.word(q)) && !BEFORE_GROUP.contains(v.word(q))) {
        return; // "qu'un sale X", "que la police": not a wish about the group
      }
    }
    if (m == null) {
      return;
    }
    for (int r = q; r < Math.min(v.size(), q + WISH_WINDOW) && v.clause(r) == clause; r++) {
      Match a = v.act(r);
      if (a == null) {
        a = v.predicate(r);
      }
      if (a != null && a.harmClass() == HarmClass.DIE && !v.written(r).endsWith("ent")) {
        a = null; // a noun of death ("de tes morts"), not a verb in the subjunctive
      }
      if (a != null) {
        v.add(Construction.CALL, Act.of(a.harmClass()), m, k, r, a, false);
        return;
      }
      if (v.mentionAt(r) != null) {
        return;
      }
    }
  }

  /** "on les massacrera tous", "je tuerai chaque X". */
  private static void futureThreat(GrammarView v, int k) {
    int clause = v.clause(k);
    GroupMention clitic = null;
    for (int q = k + 1; q < Math.min(v.size(), k + 5) && v.clause(q) == clause; q++) {
      Match a = v.act(q);
      if (a != null) {
        if (!future(v.written(q)) || v.written(q).equals(v.word(q))) {
          return;
        }
        GroupMention m = clitic;
        for (int r = a.end(); m == null && r < Math.min(v.size(), a.end() + 6); r++) {
          if (v.clause(r) != clause) {
            break;
          }
          m = v.mentionAt(r);
        }
        if (m != null) {
          v.add(Construction.DIRECT_THREAT, Act.of(a.harmClass()), m, k, q, a, false);
        }
        return;
      }
      GroupMention here = v.mentionAt(q);
      if (here != null && v.has(q, HarmClass.CLITIC)) {
        clitic = here;
      } else if (!CLITICS.contains(v.word(q)) && !v.has(q, HarmClass.FILLER)) {
        return;
      }
    }
  }

  private static boolean future(String written) {
    for (String e : FUTURE_ENDINGS) {
      if (written.endsWith(e) && written.length() > e.length() + 3) {
        return true;
      }
    }
    return false;
  }

  /** "ces connards de X", "putain d'X", "sales X". */
  private static void insult(GrammarView v, int k) {
    Match d = v.first(k, HarmClass.DEROG);
    if (d == null) {
      return;
    }
    int q = d.end();
    if (q < v.size() && (v.word(q).equals("de") || v.word(q).equals("d'"))) {
      q++;
    } else if (!v.word(k).equals("sale") && !v.word(k).equals("sales")) {
      return;
    }
    if (q < v.size() && v.clause(q) == v.clause(k)) {
      GroupMention m = v.mentionAt(q);
      if (m != null && !m.pronoun()) {
        v.add(Construction.DEROGATION, Act.NONE, m, k, k, d, false);
      }
    }
  }
}
