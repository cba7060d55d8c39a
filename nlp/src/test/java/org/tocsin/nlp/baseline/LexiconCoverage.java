package org.tocsin.nlp.baseline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tocsin.core.SuppressForbidden;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.Score;

/**
 * Measures a bundled per-language lexicon on a labelled corpus against the English lexicon on the
 * same posts: how well {@code hate + offensive} separates abusive from other posts (ROC AUC), and
 * precision / recall of "any hostile hit" (a slur, dehumanisation, violence or insult term).
 *
 * <p>Usage: {@code LexiconCoverage germeval FILE} (GermEval 2018 txt: text, OFFENSE|OTHER, fine) or
 * {@code LexiconCoverage lhsab FILE} (L-HSAB tsv: Tweet, Class normal|abusive|hate).
 */
public final class LexiconCoverage {
  private LexiconCoverage() {}

  private static final java.util.Set<String> HOSTILE =
      java.util.Set.of("slur", "dehumanization", "violence", "insult");

  private record Labelled(String text, boolean abusive) {}

  @SuppressForbidden(reason = "a command-line measurement reports on stdout")
  public static void main(String[] args) throws IOException {
    String format = args[0];
    Path file = Path.of(args[1]);
    List<Labelled> rows = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String lang;
    if (format.equals("germeval")) {
      lang = "de";
      for (String l : lines) {
        String[] f = l.split("\t");
        if (f.length >= 2) {
          rows.add(new Labelled(f[0].replace("|LBR|", " "), f[1].equals("OFFENSE")));
        }
      }
    } else if (format.equals("lhsab")) {
      lang = "ar";
      for (String l : lines.subList(1, lines.size())) {
        String[] f = l.split("\t");
        if (f.length >= 2) {
          rows.add(new Labelled(f[0], !f[1].strip().equals("normal")));
        }
      }
    } else {
      throw new IllegalArgumentException("format must be germeval or lhsab [got " + format + "]");
    }
    LexiconScorer scorer = LexiconScorer.loadDefault();
    long positives = rows.stream().filter(Labelled::abusive).count();
    System.out.printf(
        Locale.ROOT,
        "%s: %,d posts, %,d abusive (%s)%n",
        file.getFileName(),
        rows.size(),
        positives,
        lang);
    for (String tag : new String[] {lang, null}) {
      double[] s = new double[rows.size()];
      boolean[] hostile = new boolean[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        Post p =
            Post.ofText(
                "corpus",
                "r" + i,
                new Author("a", null, null, null, null),
                Instant.EPOCH,
                rows.get(i).text(),
                tag);
        Score sc = scorer.score(p);
        s[i] = sc.hate() + sc.offensive();
        hostile[i] =
            sc.explanation().lexicon().stream().anyMatch(h -> HOSTILE.contains(h.category()));
      }
      int tp = 0;
      int fp = 0;
      for (int i = 0; i < s.length; i++) {
        if (hostile[i]) {
          if (rows.get(i).abusive()) {
            tp++;
          } else {
            fp++;
          }
        }
      }
      System.out.printf(
          Locale.ROOT,
          "  lexicon %-24s AUC %.3f; any hostile hit: precision %.3f, recall %.3f%n",
          scorer.lexiconFor(tag).name(),
          auc(s, rows),
          tp + fp == 0 ? 0 : (double) tp / (tp + fp),
          (double) tp / positives);
    }
  }

  /** ROC AUC by the rank-sum formula, ties counted half. */
  private static double auc(double[] s, List<Labelled> rows) {
    double sum = 0;
    long pos = 0;
    long neg = 0;
    for (int i = 0; i < s.length; i++) {
      if (!rows.get(i).abusive()) {
        continue;
      }
      pos++;
      for (int j = 0; j < s.length; j++) {
        if (rows.get(j).abusive()) {
          continue;
        }
        sum += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
      }
    }
    for (Labelled r : rows) {
      if (!r.abusive()) {
        neg++;
      }
    }
    return sum / (pos * neg);
  }
}
