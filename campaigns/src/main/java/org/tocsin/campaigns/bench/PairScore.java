package org.tocsin.campaigns.bench;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tocsin.campaigns.bench.CoordinationCorpus.Kind;
import org.tocsin.campaigns.detect.Campaign;
import org.tocsin.campaigns.detect.CampaignReport;

/**
 * Pairwise account scores of one detection run against a {@link CoordinationCorpus}: a pair of
 * accounts is predicted coordinated when one campaign holds both, and truly coordinated when one
 * injected campaign holds both. Per kind, recall is over the true pairs of that kind's campaigns
 * and precision over the predicted pairs with at least one account of that kind.
 *
 * @param overall precision, recall and F1 over all pairs
 * @param byKind the same per kind
 * @param organicFlagged organic accounts in some campaign
 * @param campaigns campaigns found
 */
public record PairScore(Prf overall, Map<Kind, Prf> byKind, int organicFlagged, int campaigns) {

  /**
   * Precision, recall and F1 from pair counts.
   *
   * @param truePositives pairs both predicted and true
   * @param predicted predicted pairs
   * @param actual true pairs
   */
  public record Prf(long truePositives, long predicted, long actual) {
    /** Precision; 1 when nothing was predicted. */
    public double precision() {
      return predicted == 0 ? 1 : (double) truePositives / predicted;
    }

    /** Recall; 1 when there was nothing to find. */
    public double recall() {
      return actual == 0 ? 1 : (double) truePositives / actual;
    }

    /** Harmonic mean of precision and recall. */
    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  /** Scores {@code report} against {@code corpus}. */
  public static PairScore of(CoordinationCorpus corpus, CampaignReport report) {
    Map<String, String> truth = corpus.truth();
    Map<Kind, long[]> counts = new EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) {
      counts.put(k, new long[3]);
    }
    long[] all = new long[3];
    Map<String, Integer> sizes = new HashMap<>();
    truth.values().forEach(l -> sizes.merge(l, 1, Integer::sum));
    sizes.forEach(
        (label, n) -> {
          long pairs = (long) n * (n - 1) / 2;
          counts.get(corpus.kinds().get(label))[2] += pairs;
          all[2] += pairs;
        });
    int organic = 0;
    for (Campaign c : report.campaigns()) {
      List<String> acc = c.accounts();
      long n = acc.size();
      all[1] += n * (n - 1) / 2;
      Map<String, Integer> byLabel = new HashMap<>();
      for (String a : acc) {
        String l = truth.get(a);
        if (l == null) {
          organic++;
        } else {
          byLabel.merge(l, 1, Integer::sum);
        }
      }
      Map<Kind, Integer> byKind = new EnumMap<>(Kind.class);
      for (Map.Entry<String, Integer> e : byLabel.entrySet()) {
        long m = e.getValue();
        Kind k = corpus.kinds().get(e.getKey());
        counts.get(k)[0] += m * (m - 1) / 2;
        all[0] += m * (m - 1) / 2;
        byKind.merge(k, e.getValue(), Integer::sum);
      }
      // predicted pairs touching kind k: all pairs minus pairs with no account of kind k
      for (Map.Entry<Kind, Integer> e : byKind.entrySet()) {
        long rest = n - e.getValue();
        counts.get(e.getKey())[1] += n * (n - 1) / 2 - rest * (rest - 1) / 2;
      }
    }
    Map<Kind, Prf> per = new EnumMap<>(Kind.class);
    counts.forEach((k, c) -> per.put(k, new Prf(c[0], c[1], c[2])));
    return new PairScore(new Prf(all[0], all[1], all[2]), per, organic, report.campaigns().size());
  }
}
