package org.tocsin.nlp.harm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tocsin.core.score.Ground;
import org.tocsin.nlp.harm.HarmVocabulary.Match;

/**
 * One language's harm grammar: finds, over a post's de-obfuscated words ({@link HarmText}), the
 * constructions of {@link Construction} aimed at a group, and the blockers that keep each from
 * counting.
 *
 * <p>A group is a group term of the vocabulary (with the words after it that belong to it, "gay
 * <em>men</em>"), or a pronoun ("they", "these people", a French or Spanish clitic "les", "los", an
 * Arabic suffix) resolved to the group named last before it in the post. The constructions, each
 * within one clause:
 *
 * <ul>
 *   <li><b>direct threat</b>: a threat lead ("I will", "we are going to") followed within 3 words
 *       by an act, the group after the act (within 6 words) or a clitic pronoun before it;
 *   <li><b>call</b>: an imperative act opening the clause ("kill all X", "deport them"), or a call
 *       lead ("let's", "time to", "someone should", "il faut", "hay que") followed within 3 words
 *       by an act with the group after it; or a death slogan ("death to X", "mort aux X");
 *   <li><b>normative threat</b>: the group, a norm modal within 2 words ("should", "must", "deserve
 *       to"), and within 3 more a participle of an act or a word of dying ("X should be shot", "X
 *       deserve to die"); or the group denied life ("X do not deserve to live");
 *   <li><b>dehumanising comparison</b>: the group and a dehumanising term with only copulas and
 *       fillers between ("X are vermin", "X are nothing but rats", "X ... like rats"), or before it
 *       ("vermin like X"); or the group denied humanity ("X are not human");
 *   <li><b>derogation</b>: the same shape with a derogatory term ("X are disgusting"), or the
 *       speaker's hatred ("I hate X").
 * </ul>
 *
 * <p>In German the verb of a clause may stand at its end ("wir werden alle Juden vergasen",
 * "schmeißt die Ausländer raus"), so there the act and the group may stand anywhere after the lead
 * in the clause.
 *
 * <p>Blockers, checked for every construction: a word of it inside quotation marks; reported speech
 * anywhere in its sentence ("he said", "claims", "calling them"; not "I say"); a negation in its
 * clause before its act or predicate ("we will never", "X do not deserve to die", "no one should");
 * a news cue in its sentence ("were killed in", "attack on"); a sentence that is a genuine question
 * ("is it true that ..."); and counter-speech anywhere in the post ("stop saying", "it is
 * disgusting that people say"). A blocked construction is reported with its blocker.
 *
 * <p>Immutable and thread-safe.
 */
public final class HarmGrammar {

  /** How far (in words) a group may stand after its act. */
  static final int OBJECT_WINDOW = 6;

  /** How far (in words) before a construction a negation still reaches it. */
  static final int NEG_REACH = 4;

  /** How far (in words) a group may stand after an act's quantifier ("kill all the X"). */
  static final int QUANTIFIED_WINDOW = 4;

  /** How far (in words) after its lead an act joined by "and" may stand. */
  static final int COORDINATED_WINDOW = 8;

  /** How many words a relative clause or attribute after a group may take before its modal. */
  static final int POSTMOD_WINDOW = 5;

  /**
   * How far (in words) after a group its dehumanising or derogatory predicate may stand (two more
   * in German and French, whose copula and fillers take more words: "sind doch alle nichts als").
   */
  static final int COMPARISON_WINDOW = 6;

  /**
   * How far (in words) before a group a relative pronoun makes it part of someone else's relative
   * clause ("the men who attacked the X"); further back, in a post without punctuation, it is
   * mostly another clause.
   */
  static final int OTHERS_RELATIVE_REACH = 4;

  /** How far (in words) after a negation a good quality denied to a group may stand. */
  static final int DENIED_WINDOW = 5;

  /** Words between "not" / "none" and a group that deny it to every member ("not a single X"). */
  private static final java.util.Set<String> EVERY_BETWEEN =
      java.util.Set.of("a", "single", "one", "of", "the", "these", "those", "any");

  /** English comparatives of worth that need no vocabulary entry: "nothing worse than X". */
  private static final java.util.Set<String> WORSE =
      java.util.Set.of("worse", "lower", "dumber", "stupider", "filthier", "dirtier", "viler");

  /** Words for one member of a group: "a decent person among X", "never met an honest one". */
  private static final java.util.Set<String> MEMBER =
      java.util.Set.of("person", "people", "one", "ones", "soul", "individual");

  /** Words that make "who is not bad" a universal: "show me one who isn't a liar". */
  private static final java.util.Set<String> SHOW_ME = java.util.Set.of("show", "name", "find");

  /** Verbs of opinion that open a clause of their own inside a relative: "X who think ...". */
  private static final java.util.Set<String> OPINION =
      java.util.Set.of("think", "thinks", "believe", "believes", "say", "says", "feel", "feels");

  /** Comparatives of a world without a group: "better off without X". */
  private static final java.util.Set<String> BETTER =
      java.util.Set.of("better", "safer", "cleaner", "happier", "nicer", "off");

  /** Words that deny a comparison to everything else: "nothing is lower than X". */
  private static final java.util.Set<String> NONE =
      java.util.Set.of("nothing", "nobody", "noone", "one", "none");

  /** How far (in words) an act may stand after its lead. */
  static final int ACT_WINDOW = 3;

  private final HarmVocabulary vocabulary;
  private final Deobfuscator reader;
  private final String language;
  private final boolean verbFinal;
  private final boolean dropsSubject;
  private final boolean topicFirst;
  private final LanguageClauses clauses; // null: the language has no constructions of its own

  /** A grammar over one language's vocabulary. */
  public HarmGrammar(HarmVocabulary vocabulary) {
    this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
    this.reader = new Deobfuscator(vocabulary);
    this.language = vocabulary.language();
    this.verbFinal = language.equals("de");
    this.dropsSubject = language.equals("es");
    this.topicFirst = language.equals("es") || language.equals("ar");
    this.clauses = LanguageClauses.of(language);
  }

  /** The language, an ISO 639-1 code. */
  public String language() {
    return language;
  }

  /** The vocabulary's name ({@code harm-en-v1}). */
  public String vocabularyName() {
    return vocabulary.name();
  }

  /** What the grammar found in a text. */
  public HarmAnalysis analyse(String text) {
    Objects.requireNonNull(text, "text");
    HarmText t = HarmText.of(text, reader, language);
    if (t.size() == 0) {
      return new HarmAnalysis(List.of(), t.readings);
    }
    return new Run(t, vocabulary.match(t.words, t.clause)).findings();
  }

  /**
   * The groups a text names by name (not by a pronoun), as written, and whether it has any hostile
   * word of the vocabulary besides them (an act, dying, a dehumanising or derogatory term, a verb
   * of hatred, a slur): what {@link GroupBlindScorer} needs to ask whether a classifier's hate
   * rests on a group's name alone.
   */
  public GroupNames groupNames(String text) {
    Objects.requireNonNull(text, "text");
    HarmText t = HarmText.of(text, reader, language);
    if (t.size() == 0) {
      return new GroupNames(List.of(), false);
    }
    return new Run(t, vocabulary.match(t.words, t.clause)).groupNames();
  }

  /**
   * What {@link #groupNames} found.
   *
   * @param written each group named, as written in the text (distinct, in order)
   * @param hostile whether the text has a hostile word of the vocabulary besides the names
   */
  public record GroupNames(List<String> written, boolean hostile) {
    /** Freezes the list. */
    public GroupNames {
      written = List.copyOf(written);
    }
  }

  /** A group mention: tokens {@code [start, end)}. */
  private record Mention(
      int start, int end, String group, Ground ground, boolean pronoun, int groupStart)
      implements GrammarView.GroupMention {}

  /** One analysis. */
  private final class Run implements GrammarView {
    private final HarmText t;
    private final int n;
    private final List<Match>[] at;
    private final long[] cover;
    private final Mention[] mentionAt;
    private final List<Mention> mentions = new ArrayList<>();
    private Match counter;
    private final Map<String, HarmFinding> out = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    Run(HarmText t, List<Match> matches) {
      this.t = t;
      this.n = t.size();
      this.at = new List[n];
      this.cover = new long[n];
      this.mentionAt = new Mention[n];
      for (Match m : matches) {
        if (at[m.start()] == null) {
          at[m.start()] = new ArrayList<>(3);
        }
        at[m.start()].add(m);
        long bit = bit(m.harmClass());
        if (m.end() - m.start() > 1 && !m.term().gapBefore()[m.term().words().length - 1]) {
          for (int k = m.start(); k < m.end(); k++) {
            cover[k] |= bit;
          }
        } else {
          cover[m.start()] |= bit;
        }
        if (m.harmClass() == HarmClass.COUNTER && counter == null) {
          counter = m;
        }
      }
      findMentions();
      addressees();
    }

    /**
     * A group addressed by name in a clause of its own ("Jews, your days are numbered", "fuck off,
     * X"): the second person in its sentence or the next one stands for it.
     */
    private void addressees() {
      for (Mention m : List.copyOf(mentions)) {
        if (!vocative(m)) {
          continue;
        }
        for (int q = 0; q < n; q++) {
          int ds = t.sentence[q] - t.sentence[m.start()];
          if (mentionAt[q] == null
              && (ds == 0 || ds == 1)
              && Conjunctions.isYou(language, t.words[q])) {
            mentionAt[q] = new Mention(q, q + 1, m.group(), m.ground(), true, m.start());
          }
        }
      }
    }

    /** Whether a group mention is a clause of its own in a sentence of more than one clause. */
    private boolean vocative(Mention m) {
      int c = t.clause[m.start()];
      boolean other = false;
      for (int q = 0; q < n; q++) {
        if (t.sentence[q] != t.sentence[m.start()]) {
          continue;
        }
        if (t.clause[q] != c) {
          other = true;
        } else if ((q < m.start() || q >= m.end()) && !Conjunctions.isVocativeExtra(t.words[q])) {
          return false;
        }
      }
      return other;
    }

    /** The group addressed in a clause next to {@code clause} in its sentence, or null. */
    private Mention addressedNextTo(int clause, int sentence) {
      for (Mention m : mentions) {
        int d = t.clause[m.start()] - clause;
        if ((d == 1 || d == -1) && t.sentence[m.start()] == sentence && vocative(m)) {
          return m;
        }
      }
      return null;
    }

    private void findMentions() {
      Mention last = null;
      List<Integer> unresolved = new ArrayList<>();
      int k = 0;
      while (k < n) {
        Match g = first(k, HarmClass.GROUP);
        if (g != null) {
          int end = g.end();
          while (end < n && has(end, HarmClass.HEAD) && t.clause[end] == t.clause[k]) {
            end++;
          }
          Mention m = new Mention(k, end, g.term().group(), g.term().ground(), false, k);
          mentions.add(m);
          mentionAt[k] = m;
          last = m;
          k = end;
          continue;
        }
        Match p = first(k, HarmClass.PRONOUN);
        if (p == null) {
          p = first(k, HarmClass.CLITIC);
        }
        if (p == null
            && last != null
            && dropsSubject
            && (has(k, HarmClass.COPULA) || has(k, HarmClass.MODAL))
            && (k == 0
                || t.sentence[k - 1] != t.sentence[k]
                || SUBJECT_DROPPED_AFTER.contains(t.words[k - 1]))) {
          // Spanish drops the subject pronoun: "Conozco a los X. Son todos sucios.", "sabe que
          // son",
          // "Mi barrio está lleno de X. Merecen morir."
          mentionAt[k] = new Mention(k, k, last.group(), last.ground(), true, last.start());
          k++;
          continue;
        }
        if (p == null
            && last != null
            && last.end() == k
            && k > 0
            && t.clause[k - 1] != t.clause[k]
            && t.sentence[k - 1] == t.sentence[k]
            && Conjunctions.isRelative(language, t.words[k])) {
          // a relative clause set off by a comma stands for the whole group: "X, who are ..."
          mentionAt[k] = new Mention(k, k + 1, last.group(), last.ground(), true, last.start());
          k++;
          continue;
        }
        if (p != null && !articleOfGroup(p)) {
          if (last != null) {
            mentionAt[k] = new Mention(k, p.end(), last.group(), last.ground(), true, last.start());
          } else {
            unresolved.add(k);
          }
          k = p.end();
          continue;
        }
        k++;
      }
      // a pronoun before any group: the group named next in its sentence ("il faut les tuer, ces
      // musulmans")
      for (int u : unresolved) {
        for (Mention m : mentions) {
          if (m.start() > u && t.sentence[m.start()] == t.sentence[u]) {
            Match p = first(u, HarmClass.PRONOUN);
            if (p == null) {
              p = first(u, HarmClass.CLITIC);
            }
            mentionAt[u] = new Mention(u, p.end(), m.group(), m.ground(), true, m.start());
            break;
          }
        }
      }
    }

    /** A French or Spanish clitic that is the article of the group after it ("les juifs"). */
    private boolean articleOfGroup(Match p) {
      int q = p.end();
      if (q < n && has(q, HarmClass.FILLER) && !has(q, HarmClass.GROUP)) {
        q++;
      }
      return q < n && has(q, HarmClass.GROUP) && p.harmClass() == HarmClass.CLITIC;
    }

    GroupNames groupNames() {
      java.util.Set<String> written = new java.util.LinkedHashSet<>();
      boolean hostile = false;
      for (Mention m : mentions) {
        for (int q = m.start(); q < m.end(); q++) {
          written.add(t.surface[q]);
        }
        hostile |= slurAt(m) != null;
      }
      long seen = 0;
      for (int k = 0; k < n; k++) {
        seen |= cover[k];
      }
      // a negation counts: it may deny the group a good quality ("kein X ist ehrlich"); without
      // it, the check took back 16 abusive GermEval training tweets against 11 others set right
      hostile |= (seen & (HOSTILE | bit(HarmClass.NEG))) != 0;
      return new GroupNames(new ArrayList<>(written), hostile);
    }

    HarmAnalysis findings() {
      if (mentions.isEmpty()) {
        return new HarmAnalysis(List.of(), t.readings);
      }
      for (int k = 0; k < n; k++) {
        if (at[k] == null && mentionAt[k] == null) {
          continue;
        }
        threats(k);
        calls(k);
        if (mentionAt[k] != null) {
          out(mentionAt[k]);
          norms(mentionAt[k]);
          comparisons(mentionAt[k]);
          slur(mentionAt[k]);
          noneOf(mentionAt[k]);
          nothingWorse(mentionAt[k]);
        }
        hatred(k);
        deniedQuality(k);
        noneWhoIsNot(k);
      }
      if (clauses != null) {
        clauses.find(this);
      }
      for (int k = 0; k < n; k++) {
        if (at[k] != null) {
          frame(k);
        }
      }
      return new HarmAnalysis(List.copyOf(out.values()), t.readings);
    }

    // ---- constructions ----

    private void threats(int k) {
      Match lead = first(k, HarmClass.THREAT_LEAD);
      if (lead != null) {
        int actClause = t.clause[k];
        if (clauses != null // German and French: "ich schwöre euch, wir ...", "je vous jure, ..."
            && lead.end() < n
            && t.clause[lead.end()] != actClause
            && t.sentence[lead.end()] == t.sentence[k]) {
          actClause = t.clause[lead.end()];
        }
        Match act = actAfter(lead.end(), ACT_WINDOW, actClause);
        if (act != null) {
          Mention obj = object(act, k);
          if (obj == null) {
            obj = topicBefore(k); // "اليهود، سوف نبيدهم", "Los X, los vamos a echar"
          }
          if (obj != null) {
            add(Construction.DIRECT_THREAT, Act.of(act.harmClass()), obj, k, act.start(), act);
          }
        }
      }
      Match fused = first(k, HarmClass.THREAT_ACT);
      if (fused != null && !has(k, HarmClass.IDIOM)) {
        Mention obj = object(fused, k);
        if (obj != null) {
          add(Construction.DIRECT_THREAT, actOfFused(fused), obj, k, k, fused);
        }
      }
    }

    private Act actOfFused(Match fused) {
      for (Match m : at[fused.start()]) {
        Act a = Act.of(m.harmClass());
        if (a != Act.NONE) {
          return a;
        }
      }
      return Act.VIOLENCE;
    }

    private void calls(int k) {
      Match act = act(k);
      if (act != null && act.term().imperative() && opensClause(k)) {
        Mention obj = object(act, k);
        if (obj == null) {
          obj = topicBefore(k); // "A los X, echadlos"
        }
        if (obj != null) {
          add(Construction.CALL, Act.of(act.harmClass()), obj, k, k, act);
        }
      } else if (act != null
          && topicFirst
          && k + 1 < n
          && has(k + 1, HarmClass.CLITIC)
          && opensClause(k)
          && topicBefore(k) != null) {
        // an infinitive with its clitic after the group named alone: "A los X, fusilarlos a todos"
        add(Construction.CALL, Act.of(act.harmClass()), topicBefore(k), k, k, act);
      } else if (act != null && act.term().imperative() && !gapped(act) && !agentBefore(k)) {
        Mention obj = wholeGroupAfter(act);
        if (obj != null) {
          add(Construction.CALL, Act.of(act.harmClass()), obj, k, k, act);
        }
      }
      Match lead = first(k, HarmClass.CALL_LEAD);
      if (lead != null) {
        int actClause = t.clause[k];
        if (lead.end() < n
            && t.clause[lead.end()] != actClause
            && t.sentence[lead.end()] == t.sentence[k]) {
          actClause = t.clause[lead.end()]; // "es ist Zeit, die X zu vernichten"
        }
        int from = lead.end();
        if (lead.term().tight() && from + 1 < n && has(from, HarmClass.CLITIC)) {
          from++; // "que los maten": the clitic between the lead and its act
        }
        Match a = actAfter(from, lead.term().tight() ? 0 : ACT_WINDOW, actClause);
        if (a == null && !lead.term().tight()) {
          a = coordinatedAct(lead.end(), actClause); // "we should start gangs and kill them"
        }
        if (a == null && lead.term().wish()) {
          a = pastAfter(lead.end(), actClause); // "better if we killed all X"
        }
        if (a == null && lead.end() < n && has(lead.end(), HarmClass.DIE)) {
          a = first(lead.end(), HarmClass.DIE); // "que mueran los X"
        }
        if (a == null
            && (lead.term().tight() || lead.term().wish())
            && lead.end() < n
            && has(lead.end(), HarmClass.EXPEL_PP)
            && topicFirst) {
          a = first(lead.end(), HarmClass.EXPEL_PP); // "que se vayan los X"
        }
        Mention obj = a == null ? null : object(a, k);
        if (obj == null && a != null) {
          obj = topicBefore(k); // "Los X, que se vayan todos"
        }
        if (obj != null) {
          add(Construction.CALL, Act.of(a.harmClass()), obj, k, a.start(), a);
        } else if (lead.term().wish()) {
          wishedDone(lead.end(), actClause); // "I want all X deported"
        }
      }
      Match death = first(k, HarmClass.DEATH);
      if (death != null) {
        for (int q = death.end(); q < Math.min(n, death.end() + 3); q++) {
          if (mentionAt[q] != null && t.sentence[q] == t.sentence[k]) {
            add(Construction.CALL, Act.VIOLENCE, mentionAt[q], k, k, death);
            break;
          }
        }
      }
      Match good = first(k, HarmClass.ONLY_GOOD);
      if (good != null) {
        for (int q = good.end(); q < Math.min(n, good.end() + 2); q++) {
          if (mentionAt[q] != null && !mentionAt[q].pronoun()) {
            for (int r = mentionAt[q].end(); r < Math.min(n, mentionAt[q].end() + 5); r++) {
              if (has(r, HarmClass.DIE) || has(r, HarmClass.VIOLENT_PP)) {
                add(Construction.CALL, Act.VIOLENCE, mentionAt[q], k, r, first(r, null));
                return;
              }
            }
          }
        }
      }
    }

    /**
     * In Spanish and Arabic, the group a call without an object is aimed at: named alone in the
     * clause before it, in the same sentence ("Los X, que se vayan todos", "A los X, fuera"); null
     * otherwise.
     */
    private Mention topicBefore(int k) {
      if (!topicFirst || !opensClause(k)) {
        return null;
      }
      int q = k - 1;
      while (q >= 0 && t.clause[q] == t.clause[k]) {
        q--; // the lead's own words
      }
      if (q < 0 || t.sentence[q] != t.sentence[k]) {
        return null;
      }
      Mention found = null;
      for (int r = q; r >= 0 && t.clause[r] == t.clause[q]; r--) {
        Mention m = mentionCovering(r);
        if (m != null) {
          if (m.pronoun()) {
            return null;
          }
          found = m;
        } else if ((cover[r] & (bit(HarmClass.FILLER) | bit(HarmClass.HEAD))) == 0) {
          return null; // the clause says more than the group's name
        }
      }
      return found;
    }

    /** The group mention whose words include position {@code r}, or null. */
    private Mention mentionCovering(int r) {
      for (int q = r; q >= Math.max(0, r - 6); q--) {
        if (mentionAt[q] != null && (mentionAt[q].end() > r || q == r)) {
          return mentionAt[q];
        }
      }
      return null;
    }

    /**
     * An act joined by "and" to what the lead asked for, within {@link #COORDINATED_WINDOW} words
     * of the lead in its clause ("we should start gangs of our own and kill them"); null otherwise.
     */
    private Match coordinatedAct(int from, int clause) {
      for (int q = from; q < Math.min(n, from + COORDINATED_WINDOW) && t.clause[q] == clause; q++) {
        if (mentionAt[q] != null && !mentionAt[q].pronoun() || has(q, HarmClass.AGENT)) {
          return null; // someone else's act: "we should ask the police and they kill ..."
        }
        if (Conjunctions.isAnd(language, t.words[q])) {
          int r = skip(q + 1, 1, clause, HarmClass.FILLER);
          Match a = r < 0 ? null : act(r);
          if (a != null) {
            return a;
          }
        }
      }
      return null;
    }

    /**
     * A wish that a group be harmed: the wish lead, the group within a few words, then (after a
     * copula or "be") a participle of an act ("I want all X deported", "I'd prefer that the X are
     * rounded up"). Records the call if there is one.
     */
    private void wishedDone(int from, int clause) {
      for (int q = from; q < Math.min(n, from + 4) && t.clause[q] == clause; q++) {
        Mention m = mentionAt[q];
        if (m == null) {
          if ((cover[q] & (bit(HarmClass.FILLER) | bit(HarmClass.QUANTIFIER))) == 0
              && !t.words[q].equals("that")) {
            return; // the wish is about someone else: "I hope <name> gets ... raped"
          }
          continue;
        }
        for (int r = m.end(); r < Math.min(n, m.end() + 4) && t.clause[r] == clause; r++) {
          Match p = predicate(r);
          if (p != null && p.harmClass() != HarmClass.DIE) {
            add(Construction.CALL, Act.of(p.harmClass()), m, from, r, p);
            return;
          }
          if (!has(r, HarmClass.COPULA)
              && !has(r, HarmClass.BE)
              && !has(r, HarmClass.FILLER)
              && !has(r, HarmClass.QUANTIFIER)) {
            break;
          }
        }
        return;
      }
      return;
    }

    /**
     * Inside a clause, an act aimed at a whole group: a quantifier then the group within {@link
     * #QUANTIFIED_WINDOW} words ("... and just shoot all the X", "deport every last X"), or a
     * strong slur right after the act or its determiner ("oh lord shoot the X"). Null otherwise.
     */
    private Mention wholeGroupAfter(Match act) {
      int clause = t.clause[act.start()];
      int q = act.end();
      if (q < n && t.clause[q] == clause && has(q, HarmClass.QUANTIFIER)) {
        for (int r = q; r < Math.min(n, q + QUANTIFIED_WINDOW) && t.clause[r] == clause; r++) {
          if (mentionAt[r] != null && !mentionAt[r].pronoun()) {
            return mentionAt[r];
          }
        }
        return null;
      }
      for (int r = q; r < Math.min(n, q + 2) && t.clause[r] == clause; r++) {
        Mention m = mentionAt[r];
        if (m != null && !m.pronoun() && slurAt(m) != null) {
          return m;
        }
        if (!has(r, HarmClass.FILLER) && !has(r, HarmClass.SLUR_GUARD)) {
          return null;
        }
      }
      return null;
    }

    /**
     * Whether a term lets other words stand inside it ("free ... of"): read anywhere in a clause,
     * such a term spans unrelated words ("land of the free, home of the X").
     */
    private static boolean gapped(Match m) {
      for (boolean gap : m.term().gapBefore()) {
        if (gap) {
          return true;
        }
      }
      return false;
    }

    /** The strong slur a mention is named by ({@link HarmTerm#slur}), or null. */
    private Match slurAt(Mention m) {
      for (Match g : at[m.start()]) {
        if (g.harmClass() == HarmClass.GROUP && g.term().slur()) {
          return g;
        }
      }
      return null;
    }

    /**
     * Whether someone other than the speaker may do the act at {@code k}: a group, a third person
     * or "who" before it in its clause ("they want to kill all X", "X who kill all Y").
     */
    private boolean agentBefore(int k) {
      for (int q = k - 1; q >= 0 && t.clause[q] == t.clause[k]; q--) {
        if (mentionAt[q] != null || has(q, HarmClass.AGENT) || has(q, HarmClass.PRONOUN)) {
          return true;
        }
      }
      return false;
    }

    /**
     * A slogan: the group, then "out" ending the clause ("Ausländer raus!"), or in German an
     * infinitive of violence ("X töten!").
     */
    private void out(Mention m) {
      int q = m.end();
      if (m.pronoun() || q >= n || t.clause[q] != t.clause[m.start()]) {
        return;
      }
      boolean german = "de".equals(language);
      Match x = first(q, HarmClass.EXPEL_PP);
      if (x != null && german && !GermanClauses.opensSentence(this, m.start())) {
        x = null; // "gestern wurden die X abgeschoben": a participle after a verb, not a slogan
      }
      if (x == null) {
        x = first(q, HarmClass.EXPEL);
      }
      if (x == null && german && GermanClauses.opensSentence(this, m.start())) {
        // German's infinitive slogan, opening its sentence: the group, then the act's infinitive
        // ending the clause ("Juden vergasen!", "X töten, alle, sofort!"). Only at a sentence's
        // start: anywhere else an infinitive after a group is mostly part of a longer sentence
        // (the first version fired anywhere and cost German counter-speech 0.942 -> 0.692 on the
        // functional suite's test part)
        x = act(q);
      }
      if (x != null
          && x.end() - x.start() == 1
          && (x.end() == n || t.clause[x.end()] != t.clause[q])
          && !has(m.start() > 0 ? m.start() - 1 : m.start(), HarmClass.MODAL)) {
        add(Construction.CALL, Act.of(x.harmClass()), m, m.start(), q, x);
      }
    }

    private void norms(Mention m) {
      int clause = t.clause[m.start()];
      if (inOthersRelative(m)) {
        return; // "the men who attacked the X must be punished"
      }
      // the group, then a modal, then a participle or dying
      Match modal = null;
      int postmod = -1; // the last word a relative clause or attribute after the group may reach
      for (int q = m.end();
          q < Math.min(n, Math.max(m.end() + 7, postmod + 3)) && t.clause[q] == clause;
          q++) {
        modal = first(q, HarmClass.MODAL);
        if (modal != null) {
          break;
        }
        if (q == m.end() && !m.pronoun() && has(q, HarmClass.POSTMOD)) {
          postmod = q + POSTMOD_WINDOW; // "X who run the banks must ...", "X guilty of ... must"
          continue;
        }
        if (q <= postmod) {
          if (mentionAt[q] != null || has(q, HarmClass.REPORT) || has(q, HarmClass.NEG)) {
            break; // another group's norm, or a report or denial: not this group's
          }
          continue;
        }
        if ((cover[q] & PASSABLE) == 0 && !Conjunctions.isAnd(language, t.words[q])) {
          break;
        }
      }
      if (modal != null) {
        int limit = verbFinal ? n : Math.min(n, modal.end() + 4);
        for (int r = modal.end();
            r < limit
                && (t.clause[r] == clause
                    // German puts the infinitive after a comma: "verdienen es, getötet zu werden"
                    || (verbFinal
                        && t.clause[r] == clause + 1
                        && t.sentence[r] == t.sentence[modal.start()]));
            r++) {
          Match p = predicate(r);
          if (p != null) {
            add(Construction.NORMATIVE_THREAT, Act.of(p.harmClass()), m, m.start(), r, p);
            return;
          }
          if (!verbFinal
              && !has(r, HarmClass.BE)
              && !has(r, HarmClass.FILLER)
              && !has(r, HarmClass.MODAL)
              && !has(r, HarmClass.NEG)) {
            if (topicFirst
                && at[r] == null
                && r + 2 < limit
                && Conjunctions.isAnd(language, t.words[r + 1])) {
              r++; // a participle joined by "and": "deberían ser encerrados y deportados"
              continue;
            }
            break;
          }
        }
      }
      // the group denied life or humanity: "X do not deserve to live", "X are not human"
      for (int r = m.end(); r < Math.min(n, m.end() + 4) && t.clause[r] == clause; r++) {
        Match neg = first(r, HarmClass.NEG);
        if (neg == null) {
          continue;
        }
        for (int s = neg.end(); s < Math.min(n, neg.end() + 6) && t.clause[s] == clause; s++) {
          Match good = first(s, HarmClass.POSITIVE);
          if (good != null) {
            add(Construction.DEROGATION, Act.NONE, m, m.start(), s, good, true);
            return;
          }
          Match life = first(s, HarmClass.LIFE);
          if (life != null && !deniedLife(m, neg, life)) {
            return;
          }
          if (life != null) {
            if (life.term().human()) {
              add(Construction.DEHUMANISATION, Act.NONE, m, m.start(), s, life, true);
            } else {
              add(Construction.NORMATIVE_THREAT, Act.VIOLENCE, m, m.start(), s, life, true);
            }
            return;
          }
        }
        return;
      }
    }

    /**
     * Whether a group stands inside a relative clause of someone else named before it in its clause
     * ("the men who attacked the X ..."): what follows is said of them, not of the group.
     */
    private boolean inOthersRelative(Mention m) {
      if (m.pronoun()) {
        return false;
      }
      for (int q = m.start() - 1;
          q >= Math.max(0, m.start() - OTHERS_RELATIVE_REACH) && t.clause[q] == t.clause[m.start()];
          q--) {
        if (mentionAt[q] == null && Conjunctions.isRelative(language, t.words[q])) {
          return true;
        }
      }
      return false;
    }

    /**
     * Whether a negation before a life term denies the group life or humanity: a norm ("do not
     * deserve to live", "should not exist", "have no right to live") or a copula ("are not human");
     * "as if X did not exist" is neither.
     */
    private boolean deniedLife(Mention m, Match neg, Match life) {
      if (life.end() - life.start() > 1 && !life.term().human()) {
        return true; // "right to live", "be allowed to live"
      }
      HarmClass needed = life.term().human() ? HarmClass.COPULA : HarmClass.MODAL;
      for (int q = m.end(); q < life.start(); q++) {
        if (has(q, needed)) {
          return true;
        }
      }
      return false;
    }

    private boolean copulaBetween(int from, int to) {
      for (int q = from; q < to; q++) {
        if (has(q, HarmClass.COPULA) || t.words[q].equals("=")) {
          return true;
        }
      }
      return false;
    }

    @Override
    public Match predicate(int r) {
      if (at[r] == null) {
        return null;
      }
      Match best = null;
      for (Match x : at[r]) {
        switch (x.harmClass()) {
          case EXTERMINATE_PP, VIOLENT_PP, EXPEL_PP, DIE -> {
            if (best == null
                || Act.of(x.harmClass()).ordinal() < Act.of(best.harmClass()).ordinal()) {
              best = x;
            }
          }
          case VIOLENT, EXTERMINATE, EXPEL -> {
            if (verbFinal && best == null) {
              best = x; // "Juden gehören vergast", an infinitive at the clause's end
            }
          }
          default -> {}
        }
      }
      return best;
    }

    private void comparisons(Mention m) {
      int sentence = t.sentence[m.start()];
      if (inOthersRelative(m)) {
        return; // "the men who attacked the X are animals"
      }
      int from = language.equals("en") ? afterEnglishRelative(m) : afterRelative(m);
      int window = clauses == null ? COMPARISON_WINDOW : COMPARISON_WINDOW + 2;
      for (int r = from; r < Math.min(n, from + window) && t.sentence[r] == sentence; r++) {
        Match d = first(r, HarmClass.DEHUM);
        Match g = d == null ? first(r, HarmClass.DEROG) : null;
        if (g != null
            && !language.equals("ar") // Arabic nominal sentences have no copula
            && !copulaBetween(Math.max(0, m.start() - 2), m.start()) // "why are X so dumb?"
            && !copulaBetween(m.end(), Math.min(n, r + (verbFinal ? 3 : 0))) // "dass sie dumm sind"
            && g.end() - g.start() == 1) {
          return; // "muslim terrorists": an attribute, not a predication
        }
        if (d != null || g != null) {
          Match x = d != null ? d : g;
          add(
              d != null ? Construction.DEHUMANISATION : Construction.DEROGATION,
              Act.NONE,
              m,
              m.start(),
              r,
              x);
          return;
        }
        if ((cover[r]
                    & (bit(HarmClass.COPULA)
                        | bit(HarmClass.FILLER)
                        | bit(HarmClass.HEAD)
                        | bit(HarmClass.PRONOUN)
                        | bit(HarmClass.NEG)))
                == 0
            && !t.words[r].equals("=")) {
          break;
        }
      }
      // "vermin like X", "rats such as X"
      for (int r = m.start() - 1; r >= Math.max(0, m.start() - 3); r--) {
        if (t.sentence[r] != sentence) {
          break;
        }
        if (has(r, HarmClass.DEHUM) && !m.pronoun()) {
          add(Construction.DEHUMANISATION, Act.NONE, m, r, m.start(), first(r, HarmClass.DEHUM));
          return;
        }
        if ((cover[r] & bit(HarmClass.FILLER)) == 0) {
          break;
        }
      }
      predicateOutside(m);
      answeredByName(m);
      betterWithout(m);
    }

    /**
     * Where a group's predicate may start: right after the group, or after a relative clause or
     * attribute it carries, at its copula ("X who live here are vermin", "it's the X who are ...");
     * {@code m.end()} when there is none.
     */
    private int afterEnglishRelative(Mention m) {
      int q = m.end();
      if (m.pronoun()
          || q >= n
          || !(Conjunctions.isRelative(language, t.words[q]) || t.words[q].equals("that"))
          || t.clause[q] != t.clause[m.start()]) {
        return q;
      }
      for (int r = q + 1;
          r <= Math.min(n - 1, q + POSTMOD_WINDOW) && t.clause[r] == t.clause[q];
          r++) {
        if (mentionAt[r] != null
            || has(r, HarmClass.NEG)
            || has(r, HarmClass.REPORT)
            || OPINION.contains(t.words[r])) {
          return q; // "X who think pigs are ...": the clause has its own subject
        }
        if (has(r, HarmClass.COPULA)) {
          return r;
        }
      }
      return q;
    }

    /**
     * A group named alone in a sentence, answered by a dehumanising or derogatory word alone in the
     * next one's first clause: "X? Cockroaches, all of them.", "X. Subhuman, the lot."
     */
    private void answeredByName(Mention m) {
      int s = t.sentence[m.start()];
      if (m.pronoun() || language.equals("ar")) {
        return;
      }
      int e = m.end();
      for (int q = 0; q < n; q++) {
        if (t.sentence[q] == s && (q < m.start() || q >= e) && !has(q, HarmClass.FILLER)) {
          return; // the sentence says more than the group's name
        }
      }
      if (e >= n) {
        return;
      }
      int r = skip(e, 1, t.clause[e], HarmClass.FILLER);
      if (r < 0 || t.sentence[r] != s + 1) {
        return;
      }
      Match x = first(r, HarmClass.DEHUM);
      if (x == null && t.isQuestion(s)) {
        x = first(r, HarmClass.DEROG);
      }
      if (x != null && (x.end() >= n || t.clause[x.end()] != t.clause[r])) {
        predication(m, r, m.start(), r);
      }
    }

    /** The world said to be better without a group: "we'd be better off without X". */
    private void betterWithout(Mention m) {
      int q = m.start() - 1;
      while (q >= 0 && t.clause[q] == t.clause[m.start()] && has(q, HarmClass.FILLER)) {
        q--;
      }
      if (m.pronoun() || q < 1 || !t.words[q].equals("without")) {
        return;
      }
      for (int r = q - 1; r >= Math.max(0, q - 3) && t.clause[r] == t.clause[q]; r--) {
        if (BETTER.contains(t.words[r])) {
          add(Construction.DEROGATION, Act.NONE, m, r, q, null, true);
          return;
        }
      }
    }

    /**
     * Where a group's predicate is looked for: right after the group, or in Spanish and Arabic past
     * a relative clause after it, at its copula ("Los X que llegan cada día a nuestras costas son
     * una plaga") or, in Arabic, which has none, at the dehumanising or derogatory term ("X الذين
     * يعيشون هنا حشرات"); not across a report, a negation or another group.
     */
    private int afterRelative(Mention m) {
      int q = m.end();
      if (!topicFirst || m.pronoun() || q >= n || !has(q, HarmClass.POSTMOD)) {
        return q;
      }
      long stop =
          language.equals("ar")
              ? bit(HarmClass.DEHUM) | bit(HarmClass.DEROG)
              : bit(HarmClass.COPULA);
      for (int r = q + 1;
          r < Math.min(n, q + 1 + POSTMOD_WINDOW + 3) && t.clause[r] == t.clause[q];
          r++) {
        if (mentionAt[r] != null || has(r, HarmClass.REPORT) || has(r, HarmClass.NEG)) {
          return q;
        }
        if ((cover[r] & stop) != 0) {
          return r;
        }
      }
      return q;
    }

    /**
     * The predicate before the group, or after a question, when the group and its copula end their
     * clause: "Vermin, that's what the X are", "How disgusting the X are", "You know what X are?
     * Trash." Not in Arabic (no copula) nor in German (where the copula ends every subordinate
     * clause).
     */
    private void predicateOutside(Mention m) {
      int c = m.end();
      if (language.equals("ar") || verbFinal || c >= n || !has(c, HarmClass.COPULA)) {
        return;
      }
      int after = c + 1;
      while (after < n && has(after, HarmClass.COPULA) && t.clause[after] == t.clause[c]) {
        after++;
      }
      if (after < n && t.clause[after] == t.clause[c]) {
        return; // the clause goes on: "X are ..." is read forwards
      }
      int sentence = t.sentence[m.start()];
      for (int r = m.start() - 1; r >= Math.max(0, m.start() - 6); r--) {
        if (t.sentence[r] != sentence || mentionAt[r] != null) {
          break;
        }
        if (predication(m, r, r, c)) {
          return;
        }
      }
      if (after < n && t.sentence[after] != sentence && t.isQuestion(sentence)) {
        int r = skip(after, 1, t.clause[after], HarmClass.FILLER);
        if (r >= 0) {
          predication(m, r, m.start(), r);
        }
      }
    }

    /**
     * Records a dehumanising or derogatory term at {@code r} as said of the group; whether there
     * was one. The finding spans {@code from} to {@code core}.
     */
    private boolean predication(Mention m, int r, int from, int core) {
      Match d = first(r, HarmClass.DEHUM);
      Match x = d != null ? d : first(r, HarmClass.DEROG);
      if (x == null) {
        return false;
      }
      Construction kind = d != null ? Construction.DEHUMANISATION : Construction.DEROGATION;
      add(kind, Act.NONE, m, from, core, x);
      return true;
    }

    /**
     * A strong slur for a group (lexicon weight at least 0.8) is derogation of that group by itself
     * ("there are too many ragheads here", "typical gypsies"), unless the word before it in its
     * clause makes it the speaker's own or one single thing or person ({@link
     * HarmClass#SLUR_GUARD}: "we're queer", "my nigga", "a coon got into the trash"); the blockers
     * (quotation, counter-speech, reports, news, genuine questions) apply as to every construction,
     * but not negation: "I'm not sitting next to X" still calls them X.
     */
    private void slur(Mention m) {
      if (m.pronoun()) {
        return;
      }
      Match s = slurAt(m);
      if (s == null) {
        return;
      }
      int q = m.start() - 1;
      if (q >= 0 && t.clause[q] == t.clause[m.start()] && has(q, HarmClass.SLUR_GUARD)) {
        return;
      }
      // no negation blocks it: "I'm not sitting next to <slur>" still uses the slur
      add(Construction.DEROGATION, Act.NONE, m, m.start(), m.start(), s, true);
    }

    private void hatred(int k) {
      Match s = first(k, HarmClass.SUBJECT1);
      int q;
      if (s != null) {
        q = skip(s.end(), 2, t.clause[k], HarmClass.FILLER);
      } else if (has(k, HarmClass.HATE_VERB) && opensClause(k)) {
        q = k; // "odio a los X", "اكره اليهود": the verb says who hates
      } else {
        return;
      }
      Match h = q < 0 ? null : first(q, HarmClass.HATE_VERB);
      if (h == null && s != null) {
        // "I will never trust X": the speaker denies the group a good quality
        for (int r = s.end(); r < Math.min(n, s.end() + 4) && t.clause[r] == t.clause[k]; r++) {
          if (has(r, HarmClass.NEG)) {
            int g = skip(r + 1, 2, t.clause[k], HarmClass.FILLER);
            Match good = g < 0 ? null : first(g, HarmClass.POSITIVE);
            if (good != null) {
              int o = skip(good.end(), 2, t.clause[k], HarmClass.FILLER);
              if (o >= 0 && mentionAt[o] != null) {
                add(Construction.DEROGATION, Act.NONE, mentionAt[o], k, g, good, true);
              }
            }
            return;
          }
        }
      }
      if (h == null) {
        return;
      }
      // Spanish and Arabic: one more word ("odio profundamente a las X")
      int r = skip(h.end(), topicFirst ? 3 : 2, t.clause[k], HarmClass.FILLER);
      if (r >= 0 && mentionAt[r] != null) {
        add(Construction.DEROGATION, Act.NONE, mentionAt[r], k, q, h);
        return;
      }
      for (int p = h.start() + 1; p < h.end(); p++) {
        if (mentionAt[p] != null) {
          add(Construction.DEROGATION, Act.NONE, mentionAt[p], k, q, h); // "I want them dead"
          return;
        }
      }
      if (r < 0 && s == null && h.end() <= n) {
        Mention v = addressedNextTo(t.clause[k], t.sentence[k]);
        if (v != null) {
          add(Construction.DEROGATION, Act.NONE, v, k, q, h); // "fuck off, X"
        }
      }
    }

    /**
     * A good quality denied to a group named after it: a negation, then within {@value
     * #DENIED_WINDOW} words the quality, then the group ("I have never met an honest X", "there is
     * no such thing as a decent X", "never trust X"). Not across another group or a report.
     */
    private void deniedQuality(int k) {
      Match neg = first(k, HarmClass.NEG);
      if (neg == null || coveredByLonger(k)) {
        return;
      }
      int clause = t.clause[k];
      for (int q = neg.end();
          q < Math.min(n, neg.end() + DENIED_WINDOW) && t.clause[q] == clause;
          q++) {
        if (mentionAt[q] != null || has(q, HarmClass.REPORT) || has(q, HarmClass.NEG)) {
          return;
        }
        Match good = first(q, HarmClass.POSITIVE);
        if (good != null) {
          int o = skip(good.end(), 2, clause, HarmClass.FILLER);
          if (o < 0 && good.end() < n && t.clause[good.end()] == clause) {
            o = good.end(); // "one" is a filler too: "never met an honest one"
          }
          Mention m = o < 0 ? null : mentionAt[o];
          if (m == null && o >= 0 && MEMBER.contains(t.words[o])) {
            m = memberOf(o, clause); // "a decent person among X", "never met an honest one"
          }
          if (m != null) {
            add(Construction.DEROGATION, Act.NONE, m, k, q, good, true);
          }
          return;
        }
      }
    }

    /**
     * A group made the worst of all by a denied comparison: "there is nothing more disgusting than
     * X", "nothing is lower than X", "no one is dumber than X".
     */
    private void nothingWorse(Mention m) {
      int q = m.start() - 1;
      int clause = t.clause[m.start()];
      while (q >= 0 && t.clause[q] == clause && has(q, HarmClass.FILLER) && !isThan(q)) {
        q--;
      }
      if (m.pronoun() || q < 1 || t.clause[q] != clause || !isThan(q)) {
        return;
      }
      int worse = -1;
      for (int r = q - 1; r >= Math.max(0, q - 4) && t.clause[r] == clause; r--) {
        if (worse < 0
            && (has(r, HarmClass.DEROG) || has(r, HarmClass.DEHUM) || WORSE.contains(t.words[r]))) {
          worse = r;
        }
        if (worse >= 0 && NONE.contains(t.words[r])) {
          add(Construction.DEROGATION, Act.NONE, m, r, worse, null, true);
          return;
        }
      }
    }

    private boolean isThan(int q) {
      return t.words[q].equals("than");
    }

    /**
     * The group a member word stands for ("person", "one"): named right after it ("a decent person
     * among X", "one of them"), or, for "one", the group named last before it ("X? never met an
     * honest one"); null otherwise.
     */
    private Mention memberOf(int o, int clause) {
      for (int q = o + 1; q < Math.min(n, o + 4) && t.clause[q] == clause; q++) {
        if (mentionAt[q] != null) {
          return mentionAt[q];
        }
        if (!has(q, HarmClass.FILLER) && !t.words[q].equals("among")) {
          break;
        }
      }
      if (t.words[o].startsWith("one")) {
        for (int q = o - 1; q >= 0; q--) {
          if (mentionAt[q] != null) {
            return mentionAt[q];
          }
        }
      }
      return null;
    }

    /**
     * Someone of the group who is not bad, denied to exist: "I've never met X who weren't liars",
     * "show me one who isn't a thief". A universal by double negation.
     */
    private void noneWhoIsNot(int k) {
      if (!Conjunctions.isRelative(language, t.words[k]) && !t.words[k].equals("that") || k == 0) {
        return;
      }
      int clause = t.clause[k];
      Mention m = mentionAt[k - 1] != null ? mentionAt[k - 1] : null;
      if (m == null) {
        for (int q = k - 1; q >= 0 && t.clause[q] == clause && m == null; q--) {
          if (mentionAt[q] != null && mentionAt[q].end() == k) {
            m = mentionAt[q];
          }
        }
      }
      if (m == null && MEMBER.contains(t.words[k - 1])) {
        m = memberOf(k - 1, clause);
      }
      if (m == null || k + 1 >= n || !has(k + 1, HarmClass.NEG) || t.clause[k + 1] != clause) {
        return;
      }
      boolean denied = false;
      for (int q = k - 1; q >= 0 && t.clause[q] == clause; q--) {
        denied |= has(q, HarmClass.NEG) || SHOW_ME.contains(t.words[q]);
      }
      if (!denied) {
        return;
      }
      for (int r = k + 2; r < Math.min(n, k + 6) && t.clause[r] == clause; r++) {
        Match x = first(r, HarmClass.DEROG);
        if (x == null) {
          x = first(r, HarmClass.DEHUM);
        }
        if (x != null) {
          add(Construction.DEROGATION, Act.NONE, m, k, r, x, true);
          return;
        }
        if ((cover[r] & (bit(HarmClass.COPULA) | bit(HarmClass.FILLER) | bit(HarmClass.NEG)))
            == 0) {
          return;
        }
      }
    }

    /**
     * A good quality denied to every member of a group: "no X is honest", "not a single X can be
     * trusted", "none of the X are decent people".
     */
    private void noneOf(Mention m) {
      if (m.pronoun() || !deniedToEvery(m.start())) {
        return;
      }
      int clause = t.clause[m.start()];
      for (int r = m.end(); r < Math.min(n, m.end() + 5) && t.clause[r] == clause; r++) {
        Match good = first(r, HarmClass.POSITIVE);
        if (good != null) {
          add(Construction.DEROGATION, Act.NONE, m, m.start(), r, good, true);
          return;
        }
        if (mentionAt[r] != null || has(r, HarmClass.NEG) || has(r, HarmClass.REPORT)) {
          return;
        }
      }
    }

    /**
     * Whether the words before a group deny it to every member: "no", "none of the", "not one of
     * the", "not a single", opening the group's clause.
     */
    private boolean deniedToEvery(int start) {
      int q = start - 1;
      while (q >= 0 && t.clause[q] == t.clause[start] && EVERY_BETWEEN.contains(t.words[q])) {
        q--;
      }
      if (q < 0 || t.clause[q] != t.clause[start] || q == start - 1 && !t.words[q].equals("no")) {
        return false;
      }
      String w = t.words[q];
      boolean opens = q == 0 || t.clause[q - 1] != t.clause[q];
      return opens && (w.equals("no") || w.equals("none") || w.equals("not") || w.equals("nary"));
    }

    /**
     * Violent words and a group in one clause that no construction took, recorded only when a
     * blocker applies ("no one should hurt X", "X were killed in"), so that the stage can say why
     * the lexicon's incitement does not stand.
     */
    private void frame(int k) {
      Match act = act(k);
      if (act == null) {
        for (Match x : at[k]) {
          HarmClass c = x.harmClass();
          if (c == HarmClass.VIOLENT_PP
              || c == HarmClass.EXTERMINATE_PP
              || c == HarmClass.EXPEL_PP
              || c == HarmClass.DIE) {
            act = x;
            break;
          }
        }
      }
      if (act == null) {
        return;
      }
      for (int q = 0; q < n; q++) {
        if (mentionAt[q] != null && t.clause[q] == t.clause[k]) {
          Mention m = mentionAt[q];
          for (HarmFinding f : out.values()) {
            if (f.group().equals(m.group())) {
              return; // a construction already speaks for this group
            }
          }
          String b =
              blocker(
                  Construction.VIOLENT_WORDS,
                  m,
                  Math.min(q, k),
                  Math.max(m.end(), act.end()),
                  k,
                  false);
          if (b != null) {
            add(Construction.VIOLENT_WORDS, Act.of(act.harmClass()), m, Math.min(q, k), k, act);
          }
          return;
        }
      }
    }

    // ---- helpers ----

    /**
     * The first position at or after {@code from} (up to {@code max} words on) that is not of the
     * skipped class.
     */
    private int skip(int from, int max, int clause, HarmClass skipped) {
      for (int q = from; q < Math.min(n, from + max + 1); q++) {
        if (t.clause[q] != clause) {
          return -1;
        }
        if (!has(q, skipped) || mentionAt[q] != null) {
          return q;
        }
      }
      return -1;
    }

    private boolean opensClause(int k) {
      int words = 0;
      for (int q = k - 1; q >= 0 && t.clause[q] == t.clause[k]; q--) {
        if ((cover[q] & (bit(HarmClass.CALL_LEAD) | bit(HarmClass.FILLER))) == 0 || ++words > 3) {
          return false;
        }
      }
      return true;
    }

    /** The strongest act (base form) starting at {@code k}, or null. */
    @Override
    public Match act(int k) {
      if (at[k] == null || has(k, HarmClass.IDIOM)) {
        return null; // "echar de menos": to miss, not to throw out
      }
      Match best = null;
      for (Match m : at[k]) {
        HarmClass c = m.harmClass();
        if (c == HarmClass.VIOLENT || c == HarmClass.EXTERMINATE || c == HarmClass.EXPEL) {
          if (best == null || Act.of(c).ordinal() < Act.of(best.harmClass()).ordinal()) {
            best = m;
          }
        }
      }
      return best;
    }

    /** A participle or past form of an act within {@link #ACT_WINDOW} words, or null. */
    private Match pastAfter(int from, int clause) {
      for (int q = from; q < Math.min(n, from + ACT_WINDOW + 1) && t.clause[q] == clause; q++) {
        Match p = predicate(q);
        if (p != null && p.harmClass() != HarmClass.DIE) {
          return p;
        }
      }
      return null;
    }

    private Match actAfter(int from, int window, int clause) {
      int limit = verbFinal ? n : Math.min(n, from + window + 1);
      for (int q = from; q < limit && t.clause[q] == clause; q++) {
        Match a = act(q);
        if (a != null) {
          return a;
        }
      }
      return null;
    }

    /**
     * The group an act is aimed at: after it, or a clitic pronoun right before it (or its lead).
     */
    private Mention object(Match act, int leadStart) {
      int clause = t.clause[act.start()];
      int limit = verbFinal ? n : Math.min(n, act.end() + OBJECT_WINDOW);
      int from = verbFinal ? leadStart : act.start() + 1;
      while (from < n && t.clause[from] < clause) {
        from++;
      }
      for (int q = from; q < limit && t.clause[q] == clause; q++) {
        if (mentionAt[q] != null && q != act.start()) {
          return mentionAt[q];
        }
      }
      if (act.term().imperative() && opensClause(act.start()) && lastOfClause(act)) {
        Mention v = addressedNextTo(clause, t.sentence[act.start()]);
        if (v != null) {
          return v; // "piss off back home, X"
        }
      }
      for (int q : new int[] {act.start() - 1, act.start() - 2, leadStart - 1}) {
        if (q >= 0
            && t.clause[q] == clause
            && mentionAt[q] != null
            && mentionAt[q].pronoun()
            && has(q, HarmClass.CLITIC)) {
          return mentionAt[q];
        }
      }
      return null;
    }

    /** Whether only fillers follow an act in its clause ("piss off back home, X"). */
    private boolean lastOfClause(Match act) {
      for (int q = act.end(); q < n && t.clause[q] == t.clause[act.start()]; q++) {
        if (!has(q, HarmClass.FILLER) && !t.words[q].equals("back") && !t.words[q].equals("home")) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int size() {
      return n;
    }

    @Override
    public String word(int k) {
      return t.words[k];
    }

    @Override
    public String written(int k) {
      return Folding.fold(language, t.surface[k]);
    }

    @Override
    public int clause(int k) {
      return t.clause[k];
    }

    @Override
    public int sentence(int k) {
      return t.sentence[k];
    }

    @Override
    public Mention mentionAt(int k) {
      return mentionAt[k];
    }

    @Override
    public void add(
        Construction c,
        Act a,
        GrammarView.GroupMention m,
        int from,
        int core,
        Match key,
        boolean negated) {
      add(c, a, (Mention) m, from, core, key, negated);
    }

    @Override
    public Match first(int k, HarmClass c) {
      if (at[k] == null) {
        return null;
      }
      for (Match m : at[k]) {
        if (c == null || m.harmClass() == c) {
          return m;
        }
      }
      return null;
    }

    @Override
    public boolean has(int k, HarmClass c) {
      return (cover[k] & bit(c)) != 0;
    }

    private void add(Construction c, Act a, Mention m, int from, int core, Match key) {
      add(c, a, m, from, core, key, false);
    }

    /**
     * Records a finding over words {@code [min(from, m.start), max(core, m.end))}; {@code core} is
     * the act or predicate, before which a negation blocks (unless {@code negated}, where the
     * negation is the construction's own).
     */
    private void add(
        Construction c, Act a, Mention m, int from, int core, Match key, boolean negated) {
      int lo = Math.min(from, m.start());
      int keyEnd = key == null ? core + 1 : Math.max(key.end(), core + 1);
      int hi = Math.max(keyEnd, m.end());
      String blocker = blocker(c, m, lo, hi, core, negated);
      StringBuilder words = new StringBuilder();
      String prev = null;
      for (int q = lo; q < hi && q < n; q++) {
        if (!t.surface[q].equals(prev)) {
          if (words.length() > 0) {
            words.append(' ');
          }
          words.append(t.surface[q]);
          prev = t.surface[q];
        }
      }
      if (m.pronoun() && m.groupStart() < lo) {
        words.insert(0, t.surface[m.groupStart()] + " … ");
      }
      HarmFinding f =
          new HarmFinding(c, a, m.group(), m.ground(), words.toString(), m.pronoun(), blocker);
      String id = c + "|" + a + "|" + m.group();
      HarmFinding old = out.get(id);
      if (old == null || (!old.fires() && f.fires())) {
        out.put(id, f);
      }
    }

    private String blocker(Construction c, Mention m, int lo, int hi, int core, boolean negated) {
      for (int q = lo; q < hi; q++) {
        if (t.quoted[q]) {
          return "quotation: '" + t.surface[q] + "' stands inside quotation marks";
        }
      }
      if (counter != null) {
        return "counter-speech: '" + span(counter.start(), counter.end()) + "'";
      }
      int sentence = t.sentence[lo];
      int clause = t.clause[core];
      for (int q = 0; q < n; q++) {
        if (t.sentence[q] != sentence || at[q] == null) {
          continue;
        }
        for (Match x : at[q]) {
          if (x.harmClass() == HarmClass.REPORT && !endorsed(q) && !answered(q, lo)) {
            return "reported speech: '" + span(x.start(), x.end()) + "'";
          }
          if (x.harmClass() == HarmClass.NEWS) {
            return "news report: '" + span(x.start(), x.end()) + "'";
          }
        }
      }
      if (!negated) {
        // a negation counts from NEG_REACH words before the construction (before its group, for
        // norms and comparisons) up to its act or predicate, within the clause
        boolean acts =
            (c.incites() && c != Construction.NORMATIVE_THREAT) || c == Construction.VIOLENT_WORDS;
        int start = Math.max(0, (acts ? lo : m.start()) - NEG_REACH);
        for (int q = start; q < core; q++) {
          if (t.clause[q] < t.clause[Math.min(lo, m.start())]
              || t.clause[q] > clause
              || !has(q, HarmClass.NEG)
              || coveredByLonger(q)) {
            continue;
          }
          if (q < m.start() && t.isQuestion(sentence) && has(q, HarmClass.COPULA)) {
            continue; // "aren't they just vermin?"
          }
          if (rhetorical(q, sentence)) {
            continue; // "wouldn't the world be better if we ...?"
          }
          if (exceptive(q)) {
            continue; // "ils ne méritent qu'une balle", "لا يستحقون إلا": only, not never
          }
          return "negation: '" + t.surface[q] + "'";
        }
      }
      if (t.isQuestion(sentence)) {
        int s0 = lo;
        while (s0 > 0 && t.sentence[s0 - 1] == sentence) {
          s0--;
        }
        for (int q = s0; q <= Math.min(s0 + 1, n - 1); q++) {
          if (has(q, HarmClass.INQUIRY)) {
            return "a question: '" + span(q, Math.min(n, q + 4)) + " …?'";
          }
        }
      }
      return null;
    }

    /**
     * A negative auxiliary opening a question ("wouldn't it be better if ...?", "shouldn't we
     * ...?"): the question asserts, it does not deny.
     */
    private boolean rhetorical(int q, int sentence) {
      if (clauses != null && t.isQuestion(sentence)) {
        // German and French ask with a negation to assert: "sind die X nicht alle ...?", "les X
        // ne sont-ils pas tous ...?"
        String w = t.words[q];
        return w.equals("nicht") || w.equals("ne") || w.equals("n'") || w.equals("pas");
      }
      return t.isQuestion(sentence)
          && (q == 0 || t.clause[q - 1] != t.clause[q])
          && (t.words[q].endsWith("n't") || t.words[q].endsWith("nt"));
    }

    /**
     * A negation that, with an exceptive word after it, means "only": French "ne ... que", Spanish
     * "no ... más que / sino", Arabic "لا ... إلا", English "nothing but" (a filler already).
     */
    private boolean exceptive(int q) {
      String w = t.words[q];
      if (!(w.equals("ne")
          || w.equals("n'")
          || w.equals("no")
          || w.equals("\u0644\u0627")
          || w.equals("\u0645\u0627"))) {
        return false;
      }
      for (int k = q + 1; k < Math.min(n, q + 5) && t.clause[k] == t.clause[q]; k++) {
        String x = t.words[k];
        if (x.equals("pas") || x.equals("jamais") || x.equals("plus") || x.equals("nunca")) {
          return false;
        }
        if (x.equals("que") && language.equals("fr")
            || x.equals("qu'")
            || x.equals("sino")
            || x.equals("\u0627\u0644\u0627")
            || x.equals("\u0633\u0648\u064a") // سوى
            || (x.equals("que")
                && k > 0
                && (t.words[k - 1].equals("mas") || t.words[k - 1].equals("cosa")))) {
          return true;
        }
      }
      return false;
    }

    /**
     * Whether a report at {@code q} is answered by the speaker's own clause: an adversative
     * conjunction between it and the construction at {@code lo} ("they say X are peaceful, but they
     * are ...").
     */
    private boolean answered(int q, int lo) {
      if (t.clause[q] >= t.clause[lo]) {
        return false;
      }
      for (int k = q + 1; k <= lo; k++) {
        if (Conjunctions.isAdversative(language, t.words[k])) {
          return true;
        }
      }
      return false;
    }

    /** "I say kill them": a speaker endorsing, not reporting. */
    private boolean endorsed(int q) {
      if (has(q, HarmClass.CALL_LEAD)) {
        return true;
      }
      for (int k = q - 1; clauses != null && k >= Math.max(0, q - 2); k--) {
        if (SPEAKER_CAN.contains(t.words[k])) {
          return true; // "ich kann sagen, dass", "je peux vous dire que": the speaker's own
        }
      }
      for (int k = q - 1; k >= Math.max(0, q - 5) && t.clause[k] == t.clause[q]; k--) {
        if (has(k, HarmClass.DISMISS)) {
          return true; // "I don't care what anyone says, X are ...": the speaker's own words
        }
      }
      for (int k = q - 1; k >= Math.max(0, q - 4) && t.clause[k] == t.clause[q]; k--) {
        if (has(k, HarmClass.SUBJECT1)) {
          return true; // "I say", "I'm not ashamed to say it"
        }
      }
      return false;
    }

    /**
     * A negation word inside a longer term of another class ("are no better than", "can't stand").
     */
    private boolean coveredByLonger(int q) {
      for (int k = Math.max(0, q - 3); k <= q; k++) {
        if (at[k] == null) {
          continue;
        }
        for (Match x : at[k]) {
          HarmClass k2 = x.harmClass();
          if (k2 != HarmClass.NEG
              && k2 != HarmClass.REPORT
              && k2 != HarmClass.COUNTER
              && k2 != HarmClass.NEWS
              && k2 != HarmClass.INQUIRY
              && x.end() - x.start() > 1
              && x.end() > q
              && !x.term().gapBefore()[x.term().words().length - 1]) {
            return true;
          }
        }
      }
      return false;
    }

    private String span(int from, int to) {
      StringBuilder b = new StringBuilder();
      String prev = null;
      for (int q = from; q < to && q < n; q++) {
        if (!t.surface[q].equals(prev)) {
          if (b.length() > 0) {
            b.append(' ');
          }
          b.append(t.surface[q]);
          prev = t.surface[q];
        }
      }
      return b.toString();
    }
  }

  /** Spanish words after which a verb's dropped subject is the group named before ("pero son"). */
  private static final java.util.Set<String> SUBJECT_DROPPED_AFTER =
      java.util.Set.of("que", "pero", "y", "porque", "aunque", "pues");

  /** A speaker's "can" or "must" before a verb of saying that makes it the speaker's own. */
  private static final java.util.Set<String> SPEAKER_CAN =
      java.util.Set.of("kann", "muss", "peux", "dois");

  /** Classes of hostile words ({@link #groupNames}). */
  private static final long HOSTILE =
      bit(HarmClass.VIOLENT)
          | bit(HarmClass.EXTERMINATE)
          | bit(HarmClass.EXPEL)
          | bit(HarmClass.VIOLENT_PP)
          | bit(HarmClass.EXTERMINATE_PP)
          | bit(HarmClass.EXPEL_PP)
          | bit(HarmClass.DIE)
          | bit(HarmClass.DEATH)
          | bit(HarmClass.DEHUM)
          | bit(HarmClass.DEROG)
          | bit(HarmClass.HATE_VERB)
          | bit(HarmClass.THREAT_ACT)
          | bit(HarmClass.ONLY_GOOD);

  /** Classes a norm's modal may stand behind: "X are vermin and must be ...". */
  private static final long PASSABLE =
      bit(HarmClass.COPULA)
          | bit(HarmClass.FILLER)
          | bit(HarmClass.HEAD)
          | bit(HarmClass.DEHUM)
          | bit(HarmClass.DEROG)
          | bit(HarmClass.NEG);

  private static long bit(HarmClass c) {
    return 1L << c.ordinal();
  }
}
