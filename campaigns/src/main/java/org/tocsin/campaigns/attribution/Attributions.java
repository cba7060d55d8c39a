package org.tocsin.campaigns.attribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.tocsin.campaigns.CampaignConfig;
import org.tocsin.campaigns.detect.Campaign;
import org.tocsin.campaigns.graph.CoordinationEdge;
import org.tocsin.campaigns.graph.PostRef;
import org.tocsin.campaigns.graph.SignalEvidence;
import org.tocsin.campaigns.signal.Signal;

/**
 * Builds the {@link AttributionSummary} of a campaign from its edges: which objects its accounts
 * shared, how often and how close in time, the ledger records behind them, a grade and the
 * reasoning in plain words. Everything it says is computed from the edges; nothing is looked up.
 *
 * <p>Grades: {@code strong} when two or more signals tie the accounts, or one signal ties them over
 * at least three distinct objects with a median gap within the co-share window; {@code moderate}
 * when they are tied over at least two distinct objects; {@code weak} otherwise (one object shared
 * again and again, which a shared habit can also explain).
 */
public final class Attributions {

  /** Most evidence seqs listed. */
  public static final int MAX_SEQS = 50;

  private static final int MAX_OBJECTS = 5;

  private Attributions() {}

  /** The summary of {@code c}, detected under {@code cfg}. */
  public static AttributionSummary of(Campaign c, CampaignConfig cfg) {
    Objects.requireNonNull(c, "c");
    Objects.requireNonNull(cfg, "cfg");
    Map<Signal, int[]> counts = new EnumMap<>(Signal.class);
    Map<Signal, Map<String, Integer>> objects = new EnumMap<>(Signal.class);
    Map<Signal, List<Long>> medians = new EnumMap<>(Signal.class);
    Map<Signal, Long> max = new EnumMap<>(Signal.class);
    TreeSet<Long> seqs = new TreeSet<>();
    for (CoordinationEdge e : c.edges()) {
      for (SignalEvidence s : e.signals()) {
        int[] n = counts.computeIfAbsent(s.signal(), k -> new int[2]);
        n[0] += s.coShares();
        n[1]++;
        Map<String, Integer> o = objects.computeIfAbsent(s.signal(), k -> new HashMap<>());
        s.objects().forEach(x -> o.merge(x, 1, Integer::sum));
        medians.computeIfAbsent(s.signal(), k -> new ArrayList<>()).add(s.medianGapMillis());
        max.merge(s.signal(), s.maxGapMillis(), Math::max);
      }
      for (PostRef r : e.posts()) {
        if (r.evidence() != null) {
          seqs.add(r.evidence().seq());
        }
      }
    }
    List<SignalFinding> findings = new ArrayList<>();
    for (Map.Entry<Signal, int[]> e : counts.entrySet()) {
      Signal s = e.getKey();
      List<String> top = new ArrayList<>(objects.get(s).keySet());
      top.sort(
          (a, b) -> {
            int d = Integer.compare(objects.get(s).get(b), objects.get(s).get(a));
            return d != 0 ? d : a.compareTo(b);
          });
      long[] m = medians.get(s).stream().mapToLong(Long::longValue).toArray();
      Arrays.sort(m);
      findings.add(
          new SignalFinding(
              s,
              e.getValue()[0],
              e.getValue()[1],
              top.subList(0, Math.min(MAX_OBJECTS, top.size())),
              m[(m.length - 1) / 2] / 1000.0,
              max.get(s) / 1000.0));
    }
    findings.sort((a, b) -> Integer.compare(b.coShares(), a.coShares()));
    List<Long> evidence = new ArrayList<>(seqs).subList(0, Math.min(MAX_SEQS, seqs.size()));
    List<String> reasons = new ArrayList<>();
    String grade = grade(c, cfg, findings, objects, reasons);
    return new AttributionSummary(
        c.id(),
        c.accounts().size(),
        c.posts().size(),
        c.firstPost(),
        c.lastPost(),
        findings,
        evidence,
        grade,
        reasons,
        summary(c, cfg, findings, evidence),
        limits());
  }

  private static String grade(
      Campaign c,
      CampaignConfig cfg,
      List<SignalFinding> findings,
      Map<Signal, Map<String, Integer>> objects,
      List<String> reasons) {
    int distinct = 0;
    for (Map<String, Integer> o : objects.values()) {
      distinct += o.size();
    }
    boolean quick =
        !findings.isEmpty() && findings.get(0).medianGapSeconds() <= cfg.window().toSeconds();
    if (findings.size() >= 2) {
      reasons.add(
          String.format(
              Locale.ROOT,
              "%d independent signals tie the accounts (%s).",
              findings.size(),
              names(findings)));
    }
    if (distinct >= 3) {
      reasons.add(
          String.format(
              Locale.ROOT,
              "They shared at least %d distinct objects, not one object again and again.",
              distinct));
    }
    if (quick) {
      reasons.add(
          String.format(
              Locale.ROOT,
              "The median time between two accounts' posts of the same object is %s, within the"
                  + " %s window.",
              duration(findings.get(0).medianGapSeconds()),
              duration(cfg.window().toSeconds())));
    }
    reasons.add(
        String.format(
            Locale.ROOT,
            "Every tie repeats at least %d times and passed the association test (at least %.2f"
                + " of both accounts' co-sharing posts are with each other), so posting a lot does"
                + " not explain it.",
            cfg.minRepeat(),
            cfg.minAssociation()));
    if (findings.size() >= 2 || distinct >= 3 && quick) {
      return "strong";
    }
    if (distinct >= 2) {
      return "moderate";
    }
    reasons.add(
        "Only one object ties them: a shared habit or a common source followed by real people"
            + " can explain that too.");
    return "weak";
  }

  private static String summary(
      Campaign c, CampaignConfig cfg, List<SignalFinding> findings, List<Long> evidence) {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "%d accounts posted %d coordinated posts between %s and %s.",
            c.accounts().size(),
            c.posts().size(),
            c.firstPost(),
            c.lastPost()));
    for (SignalFinding f : findings) {
      s.append(
          String.format(
              Locale.ROOT,
              " %s: %d co-shares over %d account pairs, median gap %s (longest %s)%s.",
              describe(f.signal()),
              f.coShares(),
              f.accountPairs(),
              duration(f.medianGapSeconds()),
              duration(f.maxGapSeconds()),
              f.objects().isEmpty() ? "" : ", e.g. " + f.objects().get(0)));
    }
    if (evidence.isEmpty()) {
      s.append(" The posts came without ledger references.");
    } else {
      s.append(
          String.format(
              Locale.ROOT,
              " The original posts are ledger records %s%s.",
              evidence.subList(0, Math.min(10, evidence.size())),
              evidence.size() > 10 ? " and more" : ""));
    }
    return s.toString();
  }

  private static List<String> limits() {
    return List.of(
        "This shows that the accounts acted in concert, not who operates them: tying them to an"
            + " operator needs evidence outside these posts (platform records, infrastructure,"
            + " payments, admissions).",
        "Shared content and close timing can also come from a shared scheduling tool or from"
            + " real people following one source; the association test lowers that risk but does"
            + " not exclude it.",
        "Only the posts given to detection were compared: coordination outside them is not seen.");
  }

  private static String describe(Signal s) {
    return switch (s) {
      case TEXT -> "Near-identical text";
      case URL -> "The same links";
      case HASHTAGS -> "The same hashtag sequences";
      case MEDIA -> "The same media files";
      case REPOST -> "Reposts of the same posts";
      case BURST -> "Posting in the same bursts";
    };
  }

  private static String names(List<SignalFinding> findings) {
    List<String> n = new ArrayList<>();
    findings.forEach(f -> n.add(f.signal().jsonName()));
    return String.join(", ", n);
  }

  /** A duration in words: {@code 45 s}, {@code 3.5 min}, {@code 6.2 h}. */
  static String duration(double seconds) {
    if (seconds < 120) {
      return String.format(Locale.ROOT, "%.0f s", seconds);
    }
    if (seconds < 7200) {
      return String.format(Locale.ROOT, "%.1f min", seconds / 60);
    }
    return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
  }
}
