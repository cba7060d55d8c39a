package org.tocsin.campaigns.bench;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tocsin.campaigns.bench.BenchCorpus.Kind;
import org.tocsin.campaigns.detect.Campaign;
import org.tocsin.campaigns.detect.CampaignReport;

/**
 * Scores of one detection run against a corpus's ground truth.
 *
 * <p>Account level: an account is predicted positive if it is in any campaign, and truly positive
 * if it was injected. Campaign level: the adjusted Rand index (Hubert and Arabie 1985) of the two
 * partitions of all accounts, where each organic or undetected account is a cluster of its own.
 *
 * @param precision account-level precision
 * @param recall account-level recall
 * @param f1 account-level F1
 * @param ari adjusted Rand index of campaigns
 * @param recallByKind account-level recall per campaign kind
 * @param campaigns campaigns detected
 */
public record BenchScore(
    double precision,
    double recall,
    double f1,
    double ari,
    Map<Kind, Double> recallByKind,
    int campaigns) {

  /** Scores {@code report} against {@code corpus}. */
  public static BenchScore of(BenchCorpus corpus, CampaignReport report) {
    Map<String, String> predicted = new HashMap<>();
    for (Campaign c : report.campaigns()) {
      for (String a : c.accounts()) {
        predicted.put(a, c.id());
      }
    }
    Map<String, String> truth = corpus.truth();
    int tp = 0;
    for (String a : predicted.keySet()) {
      tp += truth.containsKey(a) ? 1 : 0;
    }
    double p = predicted.isEmpty() ? 0 : (double) tp / predicted.size();
    double r = truth.isEmpty() ? 0 : (double) tp / truth.size();
    double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
    Map<Kind, int[]> byKind = new EnumMap<>(Kind.class);
    truth.forEach(
        (a, label) -> {
          int[] c = byKind.computeIfAbsent(corpus.kinds().get(label), k -> new int[2]);
          c[0]++;
          c[1] += predicted.containsKey(a) ? 1 : 0;
        });
    Map<Kind, Double> recallByKind = new EnumMap<>(Kind.class);
    byKind.forEach((k, c) -> recallByKind.put(k, (double) c[1] / c[0]));
    Set<String> all = new HashSet<>(truth.keySet());
    all.addAll(predicted.keySet());
    long n = corpus.organicAccounts() + truth.size();
    return new BenchScore(
        p, r, f1, ari(all, truth, predicted, n), recallByKind, report.campaigns().size());
  }

  /**
   * Adjusted Rand index of two labelings of {@code n} items, where items outside {@code labelled}
   * (or without a label in a map) are singletons in that labeling.
   */
  static double ari(Set<String> labelled, Map<String, String> a, Map<String, String> b, long n) {
    Map<List<String>, Long> cells = new HashMap<>();
    Map<String, Long> rows = new HashMap<>();
    Map<String, Long> cols = new HashMap<>();
    for (String x : labelled) {
      String la = a.get(x);
      String lb = b.get(x);
      if (la != null) {
        rows.merge(la, 1L, Long::sum);
      }
      if (lb != null) {
        cols.merge(lb, 1L, Long::sum);
      }
      if (la != null && lb != null) {
        cells.merge(List.of(la, lb), 1L, Long::sum);
      }
    }
    double index = cells.values().stream().mapToDouble(BenchScore::pairs).sum();
    double sa = rows.values().stream().mapToDouble(BenchScore::pairs).sum();
    double sb = cols.values().stream().mapToDouble(BenchScore::pairs).sum();
    double expected = sa * sb / pairs(n);
    double max = (sa + sb) / 2;
    return max == expected ? 1 : (index - expected) / (max - expected);
  }

  private static double pairs(long k) {
    return k * (k - 1) / 2.0;
  }
}
