package org.tocsin.models.functional;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a {@link FunctionalReport} as plain-text tables: per language, per function x language,
 * per group (accuracy, recall on hateful cases, false-positive rates on identity statements) and
 * per group x language, for the tagged run and then the untagged one.
 */
public final class ReportTable {
  private ReportTable() {}

  /** The report as text. */
  public static String describe(FunctionalReport r) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "Tocsin functional suite, %s part: %d cases, scorer %s %s%n"
                + "A case is predicted hateful when its Score label is hate (hate >= offensive,"
                + " hate >= normal); incitement found at incitement >= %.1f.%n",
            r.part().dir(),
            r.tagged().size(),
            r.model(),
            r.version(),
            Slice.INCITEMENT_THRESHOLD));
    run(b, "posts tagged with their language", r.tagged());
    if (!r.untagged().isEmpty()) {
      run(b, "the same posts without a language tag", r.untagged());
    }
    return b.toString();
  }

  private static void run(StringBuilder b, String title, List<Outcome> outcomes) {
    Map<String, Slice> langs = FunctionalReport.byLanguage(outcomes);
    List<String> langList = new ArrayList<>(langs.keySet());
    b.append(String.format(Locale.ROOT, "%n== %s ==%n%n", title));
    b.append(
        String.format(
            Locale.ROOT,
            "%-6s %6s %6s %8s %8s %8s %8s %8s %8s%n",
            "lang",
            "n",
            "acc",
            "recall",
            "contr.",
            "FPR-neu",
            "FPR-pos",
            "inc@0.5",
            "inc-AUC"));
    for (Map.Entry<String, Slice> e : langs.entrySet()) {
      summaryRow(b, e.getKey(), e.getValue());
    }
    summaryRow(b, "all", FunctionalReport.overall(outcomes));
    b.append(
        "\n(acc: accuracy; recall: hateful cases labelled hate; contr.: accuracy on the"
            + " non-hateful contrasts;\n FPR-neu / FPR-pos: neutral / positive identity statements"
            + " labelled hate; inc@0.5: incitement\n cases with incitement >= 0.5; inc-AUC:"
            + " ROC-AUC of incitement vs the incitement gold)\n");

    b.append(String.format(Locale.ROOT, "%nAccuracy per function%n%n"));
    header(b, "function", langList, "all");
    Map<String, Slice> all = FunctionalReport.byFunction(outcomes);
    for (String f : all.keySet()) {
      b.append(String.format(Locale.ROOT, "%-22s", f));
      for (String lang : langList) {
        Slice s = FunctionalReport.byFunction(FunctionalReport.ofLanguage(outcomes, lang)).get(f);
        b.append(cell(s == null ? Double.NaN : s.accuracy()));
      }
      b.append(cell(all.get(f).accuracy()));
      b.append(String.format(Locale.ROOT, " %6d%n", all.get(f).n()));
    }

    b.append(String.format(Locale.ROOT, "%nPer group (all languages)%n%n"));
    b.append(
        String.format(
            Locale.ROOT,
            "%-12s %6s %7s %7s %7s %7s%n",
            "group",
            "n",
            "acc",
            "recall",
            "FPR-neu",
            "FPR-pos"));
    for (Map.Entry<String, Slice> e : FunctionalReport.byGroup(outcomes).entrySet()) {
      Slice s = e.getValue();
      b.append(
          String.format(
              Locale.ROOT,
              "%-12s %6d%s%s%s%s%n",
              e.getKey(),
              s.n(),
              cell(s.accuracy()),
              cell(s.hatefulRecall()),
              cell(s.neutralFpr()),
              cell(s.positiveFpr())));
    }

    for (String[] m :
        new String[][] {
          {"accuracy", "acc"},
          {"recall on hateful cases", "rec"},
          {"false-positive rate on neutral identity statements", "fpr"},
          {"false-positive rate on positive identity statements", "fpp"}
        }) {
      b.append(String.format(Locale.ROOT, "%nPer group x language: %s%n%n", m[0]));
      header(b, "group", langList, null);
      for (String g : FunctionalReport.byGroup(outcomes).keySet()) {
        b.append(String.format(Locale.ROOT, "%-22s", g));
        for (String lang : langList) {
          Slice s = FunctionalReport.byGroup(FunctionalReport.ofLanguage(outcomes, lang)).get(g);
          b.append(cell(s == null ? Double.NaN : measure(s, m[1])));
        }
        b.append('\n');
      }
    }
  }

  private static double measure(Slice s, String m) {
    return switch (m) {
      case "acc" -> s.accuracy();
      case "rec" -> s.hatefulRecall();
      case "fpr" -> s.neutralFpr();
      default -> s.positiveFpr();
    };
  }

  private static void header(StringBuilder b, String first, List<String> langs, String last) {
    b.append(String.format(Locale.ROOT, "%-22s", first));
    for (String l : langs) {
      b.append(String.format(Locale.ROOT, " %6s", l));
    }
    if (last != null) {
      b.append(String.format(Locale.ROOT, " %6s %6s", last, "n"));
    }
    b.append('\n');
  }

  private static void summaryRow(StringBuilder b, String name, Slice s) {
    b.append(
        String.format(
            Locale.ROOT,
            "%-6s %6d%s%s%s%s%s%s%s%n",
            name,
            s.n(),
            cell6(s.accuracy()),
            cell8(s.hatefulRecall()),
            cell8(s.contrastAccuracy()),
            cell8(s.neutralFpr()),
            cell8(s.positiveFpr()),
            cell8(s.incitementRecall()),
            cell8(s.incitementAuc())));
  }

  private static String cell(double v) {
    return Double.isNaN(v)
        ? String.format(Locale.ROOT, " %6s", "-")
        : String.format(Locale.ROOT, " %6.3f", v);
  }

  private static String cell6(double v) {
    return cell(v);
  }

  private static String cell8(double v) {
    return Double.isNaN(v)
        ? String.format(Locale.ROOT, " %8s", "-")
        : String.format(Locale.ROOT, " %8.3f", v);
  }
}
