package org.tocsin.nlp.cascade;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tocsin.core.score.Explanation;
import org.tocsin.core.score.Factor;
import org.tocsin.core.score.Factors;
import org.tocsin.core.score.Score;
import org.tocsin.nlp.corenlp.DeepEvidence;

/**
 * Merges the deep stage's evidence into the screen's Score.
 *
 * <p>Factors:
 *
 * <ul>
 *   <li>a call to violence (violent imperative, or modal + violent verb) is content and intent
 *       evidence: content rises to at least 0.6, intent to at least 0.7;
 *   <li>violence terms used only as event nouns ("the shooting") are content evidence, reporting
 *       verbs intent evidence; neither changes those factors' scores;
 *   <li>named places are likelihood (imminence) evidence; with a call to violence, likelihood rises
 *       by 0.15;
 *   <li>named persons and organisations are context evidence (who speaks of whom), scores
 *       unchanged.
 * </ul>
 *
 * <p>Incitement ({@code x} the screen's):
 *
 * <ul>
 *   <li>a targeted call ({@link DeepEvidence#targetedCalls}: the call's verb has a group, slur,
 *       dehumanisation term or pronoun close by, and is neither negated nor in a relative clause)
 *       raises it to at least {@value #TARGETED_CALL_FLOOR}: {@code max(x, 0.1)}; nothing is
 *       lowered then;
 *   <li>otherwise, violence terms that are all event nouns with no call at all ({@link
 *       DeepEvidence#eventNounsOnly}) multiply it by {@value #EVENT_NOUNS_FACTOR}, and reporting
 *       verbs ("said", "called for": reported speech, news) by {@value #REPORTING_FACTOR};
 *   <li>places, persons, organisations and untargeted calls leave it unchanged.
 * </ul>
 *
 * <p>These weights are a transparent heuristic, chosen on the dev half of the incitement set
 * (bench/results/incitement-cascade-2026-12-02.md), not fitted: every change is stated in the notes
 * and the factors' evidence. Nothing adds a constant: the floor lifts only posts the screen scored
 * below it, and the two factors only shrink a score. Every rise of incitement tried on dev (a
 * constant, a share towards 1, a multiple, for any call or for targeted calls) made the ranking
 * worse. Places do not raise incitement: no gated dev post with a call named one, so a rise for
 * them could not be measured.
 */
final class DeepMerge {

  /** The least incitement of a post with a targeted call to violence. */
  static final double TARGETED_CALL_FLOOR = 0.1;

  /** The factor on incitement when the violence terms are all event nouns and nothing calls. */
  static final double EVENT_NOUNS_FACTOR = 0.25;

  /** The factor on incitement when a reporting verb is found (and no targeted call). */
  static final double REPORTING_FACTOR = 0.5;

  private DeepMerge() {}

  static Score merge(Score s, DeepEvidence e, List<String> notesIn) {
    return merge(
        s,
        e,
        notesIn,
        e.namedEntities()
            ? "tokenize,ssplit,pos,lemma,ner(3class)"
            : "tokenize,ssplit,pos,lemma (no call to violence, so no NER)");
  }

  /** As {@link #merge(Score, DeepEvidence, List)}, the note naming {@code pipeline}. */
  static Score merge(Score s, DeepEvidence e, List<String> notesIn, String pipeline) {
    List<String> notes = new ArrayList<>(notesIn);
    Factors f = s.factors();
    boolean cta = e.callToAction();
    List<String> calls = new ArrayList<>();
    for (String v : e.imperatives()) {
      calls.add("CoreNLP: violent verb in the imperative: " + v);
    }
    for (String m : e.modalViolence()) {
      calls.add("CoreNLP: modal + violent verb: " + m);
    }
    for (String t : e.targetedCalls()) {
      calls.add("CoreNLP: call with its target close by: " + t);
    }
    boolean eventNouns = e.eventNounsOnly();
    if (eventNouns) {
      calls.add(
          "CoreNLP: violence terms only as nouns naming an event, no call: "
              + String.join(", ", e.eventNouns()));
    }
    Factor content = add(f.content(), calls, cta ? 0.6 : 0, 0);
    List<String> intentEvidence = new ArrayList<>();
    if (cta) {
      intentEvidence.add("explicit call to violence (CoreNLP)");
    }
    for (String r : e.reporting()) {
      intentEvidence.add("CoreNLP: reporting verb (reported speech or news?): " + r);
    }
    Factor intent = add(f.intent(), intentEvidence, cta ? 0.7 : 0, 0);
    List<String> places = new ArrayList<>();
    for (String p : e.locations()) {
      places.add("CoreNLP: place named: " + p);
    }
    Factor likelihood = add(f.likelihood(), places, 0, cta && !places.isEmpty() ? 0.15 : 0);
    List<String> who = new ArrayList<>();
    for (String p : e.persons()) {
      who.add("CoreNLP: person named: " + p);
    }
    for (String o : e.organizations()) {
      who.add("CoreNLP: organisation named: " + o);
    }
    Factor context = add(f.context(), who, 0, 0);
    double incitement = s.incitement();
    List<String> why = new ArrayList<>();
    if (!e.targetedCalls().isEmpty()) {
      if (incitement < TARGETED_CALL_FLOOR) {
        incitement = TARGETED_CALL_FLOOR;
        why.add(String.format(Locale.ROOT, "raised to %.1f: targeted call", TARGETED_CALL_FLOOR));
      }
    } else {
      if (eventNouns) {
        incitement *= EVENT_NOUNS_FACTOR;
        why.add(
            String.format(
                Locale.ROOT, "x %.2f: violence terms only as event nouns", EVENT_NOUNS_FACTOR));
      }
      if (!e.reporting().isEmpty()) {
        incitement *= REPORTING_FACTOR;
        why.add(String.format(Locale.ROOT, "x %.2f: reporting verb", REPORTING_FACTOR));
      }
    }
    incitement = Math.round(incitement * 10_000) / 10_000.0;
    notes.add(
        String.format(
            Locale.ROOT,
            "deep stage: CoreNLP %s (%d sentences): %d calls to violence (%d targeted), %d violence"
                + " terms (%d event nouns), %d reporting verbs, %d places, %d persons, %d"
                + " organisations; incitement %.4f -> %.4f%s",
            pipeline,
            e.sentences(),
            e.imperatives().size() + e.modalViolence().size(),
            e.targetedCalls().size(),
            e.violenceUses().size(),
            e.eventNouns().size(),
            e.reporting().size(),
            places.size(),
            e.persons().size(),
            e.organizations().size(),
            s.incitement(),
            incitement,
            why.isEmpty() ? " (unchanged)" : " (" + String.join("; ", why) + ")"));
    Explanation x = s.explanation();
    return new Score(
        s.model(),
        s.version(),
        s.hate(),
        s.offensive(),
        incitement,
        s.dehumanization(),
        s.targets(),
        new Factors(context, f.speaker(), intent, content, f.extent(), likelihood),
        new Explanation(x.tokens(), x.lexicon(), notes));
  }

  /** The factor with more evidence, its score raised to {@code floor} and then by {@code rise}. */
  private static Factor add(Factor f, List<String> evidence, double floor, double rise) {
    if (evidence.isEmpty()) {
      return f;
    }
    List<String> all = new ArrayList<>(f.evidence());
    all.addAll(evidence);
    double score = Math.min(1, Math.max(f.score(), floor) + rise);
    return new Factor(score, all);
  }
}
