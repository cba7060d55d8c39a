package org.tocsin.nlp.harm;

import java.util.Set;
import org.tocsin.nlp.harm.GrammarView.GroupMention;
import org.tocsin.nlp.harm.HarmVocabulary.Match;

/**
 * German constructions the shared grammar does not read:
 *
 * <ul>
 *   <li><b>dislike with the verb split around the group</b>: "ich kann die X nicht ausstehen", "X
 *       kann ich nicht leiden": derogation (the "nicht" is the construction's own);
 *   <li><b>a group's death or expulsion foretold</b>: an auxiliary of the present ("sind",
 *       "werden", "wird"), the group, "alle" and a participle of an act in one clause ("bis zum
 *       Sommer sind die X alle getötet", "die X werden alle vergast"); not in the past ("wurden",
 *       "worden", "waren"), which is what news says: a normative threat.
 * </ul>
 *
 * <p>It also says where a German sentence starts for the grammar's slogans ({@link
 * #opensSentence}): a leading "und", "also", "ja" does not hide it ("Und X raus!").
 */
final class GermanClauses implements LanguageClauses {

  private static final Set<String> CAN = Set.of("kann", "koennen", "können", "konnte", "könnte");

  private static final Set<String> STAND =
      Set.of("ausstehen", "leiden", "ab", "riechen", "ertragen", "abhaben", "sehen");

  private static final Set<String> PRESENT_AUX = Set.of("sind", "werden", "wird", "seid");

  private static final Set<String> PAST_AUX =
      Set.of("wurden", "worden", "waren", "wurde", "war", "gewesen");

  private static final Set<String> ALL =
      Set.of("alle", "allesamt", "sämtlich", "samt", "ausnahmslos");

  private static final Set<String> DEMONSTRATIVES =
      Set.of("diese", "dieses", "dieser", "diesen", "solche", "so");

  private static final Set<String> ANSWER_OPENERS = Set.of("nur", "alles", "lauter", "alle");

  private static final Set<String> LEADING = Set.of("und", "also", "ja", "na", "tja", "doch");

  /**
   * Whether the word at {@code k} opens its sentence, leading particles aside ("Und X raus!",
   * "Also, X raus").
   */
  static boolean opensSentence(GrammarView v, int k) {
    for (int q = k - 1; q >= 0 && v.sentence(q) == v.sentence(k); q--) {
      if (!LEADING.contains(v.word(q))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void find(GrammarView v) {
    for (int k = 0; k < v.size(); k++) {
      if (v.has(k, HarmClass.SUBJECT1) || v.mentionAt(k) != null) {
        cannotStand(v, k);
      }
      GroupMention m = v.mentionAt(k);
      if (m != null) {
        foretold(v, m);
      }
      if (v.act(k) != null) {
        weDo(v, k);
      }
      if (m != null) {
        SharedClauses.deniedQuality(v, m);
        SharedClauses.apposition(v, m, DEMONSTRATIVES);
        SharedClauses.answered(v, m, ANSWER_OPENERS);
        attributive(v, m);
      }
      if (v.word(k).equals("ihr") && k + 1 < v.size() && v.word(k + 1).equals("werdet")) {
        SharedClauses.addressedThreat(v, k, k + 2);
      }
      Match lead = v.first(k, HarmClass.CALL_LEAD);
      if (lead != null && lead.term().wish()) {
        wishedGone(v, lead);
      }
    }
  }

  /**
   * A derogatory adjective right before the group: German puts its attributes there ("die dreckigen
   * X", "ihr faulen X"), and such an attribute says it of the whole group.
   */
  private static void attributive(GrammarView v, GroupMention m) {
    int q = m.start() - 1;
    if (m.pronoun() || q < 0 || v.clause(q) != v.clause(m.start())) {
      return;
    }
    Match d = v.first(q, HarmClass.DEROG);
    if (d != null && d.end() == m.start()) {
      v.add(Construction.DEROGATION, Act.NONE, m, q, q, d, false);
    }
  }

  /**
   * A wish that the group vanish or die: a wish lead ("es wäre gut, wenn", "hoffentlich"), then in
   * its clause or the next one of its sentence the group and a word of dying or a participle of an
   * act ("es wäre besser, wenn die X verschwinden würden"): a call.
   */
  private static void wishedGone(GrammarView v, Match lead) {
    int s = v.sentence(lead.start());
    int clause = v.clause(lead.start());
    GroupMention m = null;
    for (int q = lead.end(); q < v.size() && v.sentence(q) == s && v.clause(q) <= clause + 1; q++) {
      if (m == null) {
        m = v.mentionAt(q);
        if (m != null) {
          q = m.end() - 1;
        }
        continue;
      }
      if (v.clause(q) != v.clause(m.start())) {
        return;
      }
      Match p = v.predicate(q);
      if (p == null && v.has(q, HarmClass.DIE)) {
        p = v.first(q, HarmClass.DIE);
      }
      if (p != null) {
        v.add(Construction.CALL, Act.of(p.harmClass()), m, lead.start(), q, p, false);
        return;
      }
    }
  }

  /** "ich kann die X nicht ausstehen", "X kann ich nicht leiden". */
  private static void cannotStand(GrammarView v, int k) {
    int clause = v.clause(k);
    int q = k + 1;
    if (q >= v.size() || !CAN.contains(v.word(q)) || v.clause(q) != clause) {
      return;
    }
    GroupMention m = v.mentionAt(k);
    int from = q + 1;
    if (m != null) {
      if (from >= v.size() || !v.has(from, HarmClass.SUBJECT1)) {
        return; // "X kann ich nicht leiden": the speaker right after the verb
      }
      from++;
    }
    for (int r = from; r < Math.min(v.size(), from + 5) && v.clause(r) == clause; r++) {
      if (m == null && v.mentionAt(r) != null) {
        m = v.mentionAt(r);
        r = m.end() - 1;
        continue;
      }
      if (!v.word(r).equals("nicht") || m == null) {
        continue;
      }
      for (int s = r + 1; s < Math.min(v.size(), r + 3) && v.clause(s) == clause; s++) {
        if (STAND.contains(v.word(s)) && (s + 1 >= v.size() || v.clause(s + 1) != clause)) {
          Match key = v.first(s, HarmClass.DEROG);
          v.add(Construction.DEROGATION, Act.NONE, m, k, s, key, true);
          return;
        }
      }
      return;
    }
  }

  /**
   * The speaker's act in the present, which German uses for the future: "wir" right before or after
   * the act, the group after it in the clause ("heute hängen wir die X", "wir jagen die X").
   */
  private static void weDo(GrammarView v, int k) {
    Match a = v.act(k);
    int clause = v.clause(k);
    boolean before = k > 0 && v.clause(k - 1) == clause && v.word(k - 1).equals("wir");
    boolean after =
        a.end() < v.size() && v.clause(a.end()) == clause && v.word(a.end()).equals("wir");
    if (!before && !after) {
      return;
    }
    int from = after ? a.end() + 1 : a.end();
    for (int r = from; r < Math.min(v.size(), from + 6) && v.clause(r) == clause; r++) {
      GroupMention m = v.mentionAt(r);
      if (m != null) {
        v.add(
            Construction.DIRECT_THREAT, Act.of(a.harmClass()), m, before ? k - 1 : k, k, a, false);
        return;
      }
    }
  }

  /** "bis zum Sommer sind die X alle getötet", "die X werden alle vergast". */
  private static void foretold(GrammarView v, GroupMention m) {
    int clause = v.clause(m.start());
    boolean aux = false;
    boolean all = false;
    Match done = null;
    int core = -1;
    for (int q = 0; q < v.size(); q++) {
      if (v.clause(q) != clause) {
        continue;
      }
      String w = v.word(q);
      if (PAST_AUX.contains(w) || v.has(q, HarmClass.MODAL)) {
        return; // news, or a norm the shared grammar reads
      }
      aux |= PRESENT_AUX.contains(w);
      all |= ALL.contains(w);
      if (q >= m.end() && done == null) {
        Match p = v.predicate(q);
        if (p != null && p.harmClass() != HarmClass.DIE && v.act(q) == null) {
          done = p;
          core = q;
        }
      }
    }
    if (aux && all && done != null) {
      v.add(
          Construction.NORMATIVE_THREAT, Act.of(done.harmClass()), m, m.start(), core, done, false);
    }
  }
}
