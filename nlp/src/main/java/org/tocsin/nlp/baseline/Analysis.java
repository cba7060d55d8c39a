package org.tocsin.nlp.baseline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tocsin.core.score.Factor;
import org.tocsin.core.score.Ground;
import org.tocsin.core.score.LexiconHit;
import org.tocsin.core.score.TargetScore;
import org.tocsin.core.score.TokenWeight;

/**
 * What the lexicon hits of one post add up to: the formulas documented on {@link LexiconScorer}.
 * Not thread-safe; one instance per post.
 */
final class Analysis {
  static final int WINDOW = 6;
  static final int INTENT_WINDOW = 4;
  static final double FAR = 0.3;
  private static final int MAX_TOKEN_WEIGHTS = 50;
  private static final int MAX_LEXICON_HITS = 100;

  /** A violence, dehumanising or insult hit and the group hit it is aimed at, if any. */
  record Aim(Hit hit, Hit target, int distance, double strength) {
    boolean near() {
      return target != null && distance <= WINDOW;
    }
  }

  private final List<Hit> hits;
  private final List<Hit> targets = new ArrayList<>();
  private final List<Hit> slurs = new ArrayList<>();
  private final List<Hit> violenceHits = new ArrayList<>();
  private final List<Hit> calls = new ArrayList<>();
  private final List<Hit> imminence = new ArrayList<>();
  private final List<Aim> violence = new ArrayList<>();
  private final Map<Hit, Aim> violenceAim = new HashMap<>();
  private final List<Aim> dehumanizing = new ArrayList<>();
  private final List<Aim> insults = new ArrayList<>();
  private final Map<Hit, Double> tokenWeight = new HashMap<>();
  private Hit strongestTarget;

  Analysis(List<Hit> hits) {
    this.hits = hits;
    for (Hit h : hits) {
      switch (h.category()) {
        case GROUP -> targets.add(h);
        case SLUR -> {
          targets.add(h);
          slurs.add(h);
        }
        case VIOLENCE -> violenceHits.add(h);
        case CALL_TO_ACTION -> calls.add(h);
        case IMMINENCE -> imminence.add(h);
        default -> {}
      }
    }
    for (Hit t : targets) {
      if (strongestTarget == null || t.weight() > strongestTarget.weight()) {
        strongestTarget = t;
      }
    }
    for (Hit h : hits) {
      switch (h.category()) {
        case VIOLENCE -> {
          Aim a = aim(h);
          violence.add(a);
          violenceAim.put(h, a);
        }
        case DEHUMANIZATION -> dehumanizing.add(aim(h));
        case INSULT -> insults.add(aim(h));
        default -> {}
      }
    }
  }

  /** V: the strongest violence term aimed at a group; 0 if none. */
  double aimedViolence() {
    double v = 0;
    for (Aim a : violence) {
      v = Math.max(v, a.strength());
    }
    return v;
  }

  /** D = 1 - prod(1 - 0.9 a) over dehumanising hits with aim strength a. */
  double dehumanization() {
    double keep = 1;
    for (Aim a : dehumanizing) {
      keep *= 1 - 0.9 * a.strength();
    }
    return clamp(1 - keep);
  }

  /** {hate, offensive}: a three-way softmax over logits (z_hate, z_offensive, 0). */
  double[] hateAndOffensive() {
    double slur = capped(sumWeights(slurs));
    double insult = capped(sumWeights(insults.stream().map(Aim::hit).toList()));
    double zHate =
        -3.5
            + 4.0 * slur
            + 3.0 * capped(sumStrength(dehumanizing))
            + 4.0 * capped(sumStrength(violence))
            + 2.5 * capped(sumStrength(insults));
    double zOffensive = -3.0 + 3.0 * insult + 1.5 * slur;
    double m = Math.max(0, Math.max(zHate, zOffensive));
    double eh = Math.exp(zHate - m);
    double eo = Math.exp(zOffensive - m);
    double en = Math.exp(-m);
    double total = eh + eo + en;
    // Rounded down, so that rounding never pushes hate + offensive above 1.
    return new double[] {
      Math.floor(clamp(eh / total) * 1e4) / 1e4, Math.floor(clamp(eo / total) * 1e4) / 1e4
    };
  }

  /** Content and form: aimed violence, dehumanisation and slurs. */
  Factor content() {
    double strongestSlur = 0;
    for (Hit s : slurs) {
      strongestSlur = Math.max(strongestSlur, s.weight());
    }
    double score = clamp(0.55 * aimedViolence() + 0.3 * dehumanization() + 0.15 * strongestSlur);
    Evidence ev = new Evidence();
    byStrength(violence).forEach(a -> ev.add(describe("violence", a)));
    byStrength(dehumanizing).forEach(a -> ev.add(describe("dehumanising", a)));
    slurs.forEach(s -> ev.add("slur '" + s.term() + "' names group '" + s.entry().group() + "'"));
    if (ev.isEmpty()) {
      ev.add("no violence term, dehumanising term or slur found");
    }
    return new Factor(score, ev.build());
  }

  /** Intent: calls to action next to violence terms, or violence terms opening a sentence. */
  Factor intent() {
    double score = 0;
    Evidence ev = new Evidence();
    for (Hit c : calls) {
      Hit best = null;
      for (Hit v : within(violenceHits, c, INTENT_WINDOW)) {
        if (best == null || v.weight() > best.weight()) {
          best = v;
        }
      }
      double s;
      if (best == null) {
        s = 0.1 * c.weight();
        ev.add(
            "call to action '"
                + c.term()
                + "' with no violence term within "
                + INTENT_WINDOW
                + " tokens");
      } else {
        // A call + violent act + a group as target is the frame of incitement; a call and a
        // violent act with no group nearby (sport, games, an individual) counts half.
        Aim aim = violenceAim.get(best);
        boolean aimed = aim != null && aim.near();
        s = c.weight() * best.weight() * (aimed ? 1 : 0.5);
        ev.add(
            "call to action '"
                + c.term()
                + "' "
                + relation(c, best)
                + " '"
                + best.term()
                + "'"
                + (aimed ? ", aimed at group '" + aim.target().entry().group() + "'" : ""));
      }
      tokenWeight.merge(c, s, Math::max);
      score = Math.max(score, s);
    }
    for (Hit v : violenceHits) {
      if (v.sentenceStart()) {
        score = Math.max(score, 0.5 * v.weight());
        ev.add("violence term '" + v.term() + "' opens a sentence (possible imperative)");
      }
    }
    if (ev.isEmpty()) {
      ev.add("no call to action found");
    }
    return new Factor(clamp(score), ev.build());
  }

  /** Likelihood and imminence: L = 1 - prod(1 - w) over the distinct imminence cues. */
  Factor likelihood() {
    Map<String, Double> cues = new LinkedHashMap<>();
    imminence.forEach(h -> cues.put(h.term(), h.weight()));
    double keep = 1;
    Evidence ev = new Evidence();
    for (Map.Entry<String, Double> c : cues.entrySet()) {
      keep *= 1 - c.getValue();
      ev.add("imminence cue '" + c.getKey() + "'");
    }
    if (ev.isEmpty()) {
      ev.add("no imminence cue found");
    }
    return new Factor(clamp(1 - keep), ev.build());
  }

  /** The groups named or insulted, with a noisy-or confidence over the evidence for each. */
  List<TargetScore> targets() {
    Map<String, double[]> acc = new LinkedHashMap<>(); // {mention, slur, keep-hostile}
    Map<String, Ground> grounds = new HashMap<>();
    for (Hit t : targets) {
      double[] a = acc.computeIfAbsent(t.entry().group(), g -> new double[] {0, 0, 1});
      grounds.putIfAbsent(t.entry().group(), t.entry().ground());
      int slot = t.category() == LexiconCategory.SLUR ? 1 : 0;
      a[slot] = Math.max(a[slot], t.weight());
    }
    List<Hit> hostile = new ArrayList<>();
    violence.forEach(a -> hostile.add(a.hit()));
    dehumanizing.forEach(a -> hostile.add(a.hit()));
    insults.forEach(a -> hostile.add(a.hit()));
    for (Hit h : hostile) {
      Set<String> groups = new LinkedHashSet<>();
      within(targets, h, WINDOW).forEach(t -> groups.add(t.entry().group()));
      for (String g : groups) {
        acc.get(g)[2] *= 1 - 0.5 * h.weight();
      }
    }
    List<TargetScore> out = new ArrayList<>();
    for (Map.Entry<String, double[]> e : acc.entrySet()) {
      double[] a = e.getValue();
      double slurPart = a[1] > 0 ? 0.35 + 0.55 * a[1] : 0;
      double confidence = 1 - (1 - 0.3 * a[0]) * (1 - slurPart) * a[2];
      out.add(
          new TargetScore(e.getKey(), grounds.get(e.getKey()), Math.min(0.99, clamp(confidence))));
    }
    out.sort(
        Comparator.comparingDouble(TargetScore::confidence)
            .reversed()
            .thenComparing(TargetScore::group));
    return out;
  }

  /** Whether violence terms were found but none is aimed at a group. */
  boolean violenceWithoutAim() {
    return !violence.isEmpty() && aimedViolence() == 0;
  }

  /**
   * Every hit with the weight it carried, strongest first, one per distinct surface form. Call
   * after {@link #intent()}, which sets the weights of calls to action.
   */
  List<TokenWeight> tokenWeights() {
    Map<Hit, Aim> aims = new HashMap<>();
    violence.forEach(a -> aims.put(a.hit(), a));
    dehumanizing.forEach(a -> aims.put(a.hit(), a));
    insults.forEach(a -> aims.put(a.hit(), a));
    Map<String, TokenWeight> bySurface = new LinkedHashMap<>();
    for (Hit h : hits) {
      double w =
          switch (h.category()) {
            case SLUR -> h.weight();
            case GROUP -> 0.2 * h.weight();
            case VIOLENCE, DEHUMANIZATION -> {
              double s = aims.get(h).strength();
              yield s > 0 ? s : 0.25 * h.weight();
            }
            case INSULT -> Math.max(0.5 * h.weight(), aims.get(h).strength());
            case CALL_TO_ACTION -> tokenWeight.getOrDefault(h, 0.1 * h.weight());
            case IMMINENCE -> 0.5 * h.weight();
          };
      String key = h.surface().toLowerCase(Locale.ROOT);
      TokenWeight old = bySurface.get(key);
      if (old == null || w > old.weight()) {
        bySurface.put(key, new TokenWeight(h.surface(), clamp(w)));
      }
    }
    List<TokenWeight> out = new ArrayList<>(bySurface.values());
    out.sort(Comparator.comparingDouble(TokenWeight::weight).reversed());
    return out.size() <= MAX_TOKEN_WEIGHTS ? out : out.subList(0, MAX_TOKEN_WEIGHTS);
  }

  /** The distinct entries found, in order of first appearance. */
  List<LexiconHit> lexiconHits(String lexiconName) {
    Set<LexiconHit> out = new LinkedHashSet<>();
    for (Hit h : hits) {
      if (out.size() >= MAX_LEXICON_HITS) {
        break;
      }
      out.add(new LexiconHit(h.term(), h.category().jsonName(), lexiconName));
    }
    return List.copyOf(out);
  }

  private Aim aim(Hit h) {
    Hit nearest = null;
    int best = Integer.MAX_VALUE;
    for (Hit t : within(targets, h, WINDOW)) {
      int d = h.distanceTo(t);
      if (d < best || (d == best && t.weight() > nearest.weight())) {
        nearest = t;
        best = d;
      }
    }
    if (nearest != null) {
      return new Aim(h, nearest, best, h.weight() * (0.5 + 0.5 * nearest.weight()));
    }
    if (strongestTarget != null) {
      Hit t = strongestTarget;
      return new Aim(h, t, h.distanceTo(t), FAR * h.weight() * (0.5 + 0.5 * t.weight()));
    }
    return new Aim(h, null, -1, 0);
  }

  /** The hits of a token-ordered list that lie within {@code window} tokens of {@code h}. */
  static List<Hit> within(List<Hit> sorted, Hit h, int window) {
    int from = h.first() - window - Lexicon.MAX_TERM_WORDS;
    int lo = 0;
    int hi = sorted.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted.get(mid).first() < from) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    List<Hit> out = new ArrayList<>(2);
    for (int k = lo; k < sorted.size() && sorted.get(k).first() <= h.end() - 1 + window; k++) {
      Hit x = sorted.get(k);
      if (x != h && h.distanceTo(x) <= window) {
        out.add(x);
      }
    }
    return out;
  }

  private static String describe(String kind, Aim a) {
    String term = kind + " term '" + a.hit().term() + "'";
    if (a.target() == null) {
      return term + " with no group term in the post";
    }
    String group = "group '" + a.target().entry().group() + "'";
    if (a.near()) {
      return term + " within " + tokens(a.distance()) + " of " + group;
    }
    return term
        + " in the same post as "
        + group
        + ", "
        + tokens(a.distance())
        + " away (beyond the "
        + WINDOW
        + "-token window)";
  }

  private static String relation(Hit c, Hit v) {
    int d = c.distanceTo(v);
    if (d == 0) {
      return c.term().equals(v.term()) ? "is itself the violence term" : "overlaps violence term";
    }
    return tokens(d) + (c.first() < v.first() ? " before" : " after") + " violence term";
  }

  private static String tokens(int d) {
    return d == 1 ? "1 token" : d + " tokens";
  }

  private static List<Aim> byStrength(List<Aim> aims) {
    List<Aim> sorted = new ArrayList<>(aims);
    sorted.sort(Comparator.comparingDouble(Aim::strength).reversed());
    return sorted;
  }

  private static double sumWeights(List<Hit> list) {
    double s = 0;
    for (Hit h : list) {
      s += h.weight();
    }
    return s;
  }

  private static double sumStrength(List<Aim> list) {
    double s = 0;
    for (Aim a : list) {
      s += a.strength();
    }
    return s;
  }

  private static double capped(double x) {
    return Math.min(1.5, x);
  }

  /** Clamps to [0, 1] (NaN gives 0) and rounds to 4 decimals, for stable, readable scores. */
  static double clamp(double x) {
    if (!(x > 0)) {
      return 0; // also NaN
    }
    return Math.round(Math.min(1, x) * 1e4) / 1e4;
  }
}
