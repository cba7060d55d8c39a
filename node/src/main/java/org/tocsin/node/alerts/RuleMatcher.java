package org.tocsin.node.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.Query;
import org.tocsin.core.post.ScoredPost;
import org.tocsin.core.score.Score;
import org.tocsin.core.score.TargetScore;
import org.tocsin.index.InvalidQueryException;
import org.tocsin.index.analysis.PostAnalyzers;
import org.tocsin.index.query.PostQueries;
import org.tocsin.index.schema.PostDocuments;
import org.tocsin.nlp.bands.IncitementBands;

/**
 * A compiled rule: checks one post against every condition, the query with the index's own analysis
 * and field schema on a one-document {@link MemoryIndex}, so that a rule's query means exactly what
 * the same query means in search. Thread-safe.
 */
final class RuleMatcher {
  private static final Analyzer ANALYZER = PostAnalyzers.create();

  private final AlertRule rule;
  private final Query query;
  private final Double minIncitement;

  /**
   * Compiles a rule.
   *
   * @throws InvalidQueryException if the rule's query is not valid search syntax
   */
  RuleMatcher(AlertRule rule) throws InvalidQueryException {
    this(rule, IncitementBands.shipped());
  }

  /**
   * Compiles a rule, reading its incitement band (if it has one) from {@code bands}.
   *
   * @throws InvalidQueryException if the rule's query is not valid search syntax
   * @throws IllegalArgumentException if the rule's band is not in the table
   */
  RuleMatcher(AlertRule rule, IncitementBands bands) throws InvalidQueryException {
    this.rule = rule;
    this.minIncitement = rule.incitementThreshold(bands);
    this.query = rule.query() == null ? null : new PostQueries(ANALYZER).parse(rule.query());
  }

  AlertRule rule() {
    return rule;
  }

  /** The reasons the post matches, or an empty list if any condition fails. */
  List<String> match(ScoredPost sp) {
    List<String> reasons = check(sp);
    return reasons == null ? List.of() : reasons;
  }

  /** Whether every per-post condition holds (also when the rule has none: a volume rule). */
  boolean accepts(ScoredPost sp) {
    return check(sp) != null;
  }

  private List<String> check(ScoredPost sp) {
    if (sp.evidence().capturedAt().isBefore(rule.createdAt())) {
      return null;
    }
    Score s = sp.score();
    List<String> reasons = new ArrayList<>();
    if (!atLeast("hate", s.hate(), rule.minHate(), reasons)
        || !atLeast(incitementName(), s.incitement(), minIncitement, reasons)
        || !atLeast("dehumanization", s.dehumanization(), rule.minDehumanization(), reasons)) {
      return null;
    }
    if (!rule.labels().isEmpty()) {
      if (!rule.labels().contains(s.label())) {
        return null;
      }
      reasons.add("label " + s.label());
    }
    if (!rule.targets().isEmpty()) {
      String hit = null;
      for (TargetScore t : s.targets()) {
        if (rule.targets().contains(t.group().toLowerCase(Locale.ROOT))) {
          hit = t.group();
          break;
        }
      }
      if (hit == null) {
        return null;
      }
      reasons.add("targets " + hit);
    }
    if (query != null) {
      MemoryIndex mi = MemoryIndex.fromDocument(PostDocuments.toDocument(sp), ANALYZER);
      if (mi.search(query) <= 0) {
        return null;
      }
      reasons.add("matches query " + rule.query());
    }
    return reasons;
  }

  private String incitementName() {
    return rule.incitementBand() == null
        ? "incitement"
        : "incitement (band " + rule.incitementBand() + ")";
  }

  private static boolean atLeast(String name, double value, Double min, List<String> reasons) {
    if (min == null) {
      return true;
    }
    if (value < min) {
      return false;
    }
    reasons.add(String.format(Locale.ROOT, "%s %.2f >= %.2f", name, value, min));
    return true;
  }
}
