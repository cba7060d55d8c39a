package org.tocsin.nlp.classifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tocsin.core.score.TargetScore;

/**
 * Merges the groups a post names (the lexicon's targets: a group's name, alias or slur in the text)
 * with the groups the {@link TargetClassifier} infers from the words around them.
 *
 * <p>The classifier learned which groups HateXplain's annotators saw behind words such as "vermin"
 * or "exterminated", so on a post that names one group it also proposes groups the post does not
 * mention ("The Rohingya are vermin …" named Jews and Muslims too). When the post names a group, a
 * group it does not name is kept only if the classifier is at least {@code inferredMinWhenNamed}
 * sure of it; when it names none, the classifier's groups stand as they are (implicit targets are
 * what it is for). A group both name keeps the higher confidence and the lexicon's ground. The
 * threshold is chosen on HateXplain's validation split ({@code EvaluateTargetMerge} in {@code
 * models}).
 */
public final class TargetMerge {
  /** The shipped threshold for a group the post does not name, when it names another. */
  public static final double INFERRED_MIN_WHEN_NAMED = 0.6;

  private TargetMerge() {}

  /**
   * The merged targets, strongest first.
   *
   * @param named the lexicon's targets (groups the text names)
   * @param inferred the classifier's targets
   * @param inferredMinWhenNamed the confidence an inferred group the text does not name needs when
   *     the text names some other group
   */
  public static List<TargetScore> merge(
      List<TargetScore> named, List<TargetScore> inferred, double inferredMinWhenNamed) {
    Map<String, TargetScore> byGroup = new LinkedHashMap<>();
    for (TargetScore t : named) {
      byGroup.put(t.group(), t);
    }
    boolean namesAGroup = !byGroup.isEmpty();
    for (TargetScore t : inferred) {
      TargetScore known = byGroup.get(t.group());
      if (known == null && namesAGroup && t.confidence() < inferredMinWhenNamed) {
        continue;
      }
      if (known == null || known.confidence() < t.confidence()) {
        byGroup.put(
            t.group(),
            new TargetScore(
                t.group(), known == null ? t.ground() : known.ground(), t.confidence()));
      }
    }
    List<TargetScore> out = new ArrayList<>(byGroup.values());
    out.sort((x, y) -> Double.compare(y.confidence(), x.confidence()));
    return out;
  }
}
