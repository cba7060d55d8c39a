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
 * <ul>
 *   <li>a call to violence (violent imperative, or modal + violent verb) is content and intent
 *       evidence: content rises to at least 0.6, intent to at least 0.7;
 *   <li>named places are likelihood (imminence) evidence; with a call to violence, likelihood rises
 *       by 0.15;
 *   <li>named persons and organisations are context evidence (who speaks of whom), scores
 *       unchanged;
 *   <li>with a call to violence, incitement rises by 0.2, by 0.2 more if the screen found a target
 *       group and by 0.1 more if a place is named (never above 1, never lowered).
 * </ul>
 *
 * These weights are a transparent heuristic, not fitted: every change is stated in the evidence.
 */
final class DeepMerge {

  private DeepMerge() {}

  static Score merge(Score s, DeepEvidence e, List<String> notesIn) {
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
    Factor content = add(f.content(), calls, cta ? 0.6 : 0, 0);
    Factor intent =
        add(
            f.intent(),
            cta ? List.of("explicit call to violence (CoreNLP)") : List.of(),
            cta ? 0.7 : 0,
            0);
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
    if (cta) {
      double rise = 0.2 + (s.targets().isEmpty() ? 0 : 0.2) + (places.isEmpty() ? 0 : 0.1);
      incitement = Math.min(1, incitement + rise);
    }
    notes.add(
        String.format(
            Locale.ROOT,
            "deep stage: CoreNLP %s (%d sentences): %d calls to violence, %d places, %d persons, %d"
                + " organisations; incitement %.3f -> %.3f",
            e.namedEntities()
                ? "tokenize,ssplit,pos,lemma,ner(3class)"
                : "tokenize,ssplit,pos,lemma (no call to violence, so no NER)",
            e.sentences(),
            calls.size(),
            places.size(),
            e.persons().size(),
            e.organizations().size(),
            s.incitement(),
            incitement));
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
