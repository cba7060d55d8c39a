package org.tocsin.bench.nlp;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tocsin.core.SuppressForbidden;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.PostScorer;
import org.tocsin.core.score.Score;
import org.tocsin.models.corpus.Csv;
import org.tocsin.models.germeval.GermEvalData;
import org.tocsin.models.hatexplain.HateXplainData;
import org.tocsin.models.lhsab.LhsabData;
import org.tocsin.nlp.assembly.ShippedScorer;
import org.tocsin.nlp.cascade.CascadeScorer;
import org.tocsin.nlp.cascade.CascadeSettings;
import org.tocsin.nlp.corenlp.DeepStage;
import org.tocsin.nlp.corenlp.DeepStages;

/**
 * A language's deep stage on a labelled corpus of that language: how many posts the gate picks per
 * corpus label, how many calls to violence (and targeted calls) CoreNLP finds, how incitement
 * changes, and the wall time of the whole cascade on one thread.
 *
 * <p>Run: {@code java -cp "bench/target/tocsin-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*"
 * org.tocsin.bench.nlp.DeepStageCounts LANG CORPUS PATH [--gated FILE] [--labels FILE]
 * [--gate-all]}, CORPUS one of {@link #CORPORA}. {@code --gated} writes every gated post (id,
 * corpus label, whether the deep stage found a call, a targeted call, the text) as TSV, for
 * labelling by hand; {@code --labels} reads such a file back with a hand label in a sixth column
 * (1: the post calls for violence against people, 0: it does not) and reports the precision and
 * recall of the calls found; the file may hold only some of the gated posts. {@code --gate-all}
 * sends every post to the deep stage (the gate's incitement threshold set to 0), to measure the
 * deep stage apart from the screen's gate.
 */
@SuppressForbidden(reason = "a command-line benchmark prints its table to stdout")
public final class DeepStageCounts {
  private static final PrintStream OUT = System.out;
  private static final Pattern CALLS =
      Pattern.compile("(\\d+) calls to violence \\((\\d+) targeted\\)");
  private static final Pattern CHANGE = Pattern.compile("incitement ([0-9.]+) -> ([0-9.]+)");

  /** The corpora this program reads, each with its description. */
  static final Map<String, String> CORPORA =
      Map.of(
          "germeval",
          "GermEval 2018 official test tweets (PATH: the germeval2018 directory)",
          "germeval-train",
          "GermEval 2018 training tweets, train and val (PATH: the same)",
          "mlma-fr",
          "MLMA's French tweets, labelled by their sentiment column: hateful (any annotator said"
              + " hateful), normal (all said normal), fearful (any said fearful, none hateful),"
              + " hostile (the rest: offensive, abusive, disrespectful) (PATH: fr_dataset.csv)",
          "ira-fr",
          "the IRA troll tweets whose language column is French, labelled by their account's"
              + " category (PATH: the ira_russian_troll_tweets_by_author directory)",
          "lhsab",
          "L-HSAB, every tweet, labelled hate, abusive or normal (PATH: the Dataset/L-HSAB file)",
          "mlma-ar",
          "MLMA Arabic tweets, labelled by the sentiment column, id HITId (PATH: ar_dataset.csv)",
          "ira-es",
          "the IRA troll tweets whose language column is Spanish, labelled likewise (PATH: the"
              + " same)");

  /** L-HSAB's classes by {@link LhsabData#label} index. */
  private static final List<String> LHSAB_CLASSES = List.of("hate", "abusive", "normal");

  /** A post of the corpus and its label there. */
  record Item(String id, String label, String text) {}

  private DeepStageCounts() {}

  /** Reads a corpus by name. */
  static List<Item> read(String corpus, Path path) throws IOException {
    List<Item> out = new ArrayList<>();
    switch (corpus) {
      case "germeval", "germeval-train" -> {
        // GermEval's training file is split into train and val here; test is its own file
        boolean test = "germeval".equals(corpus);
        for (HateXplainData.Post p : GermEvalData.read(path).posts()) {
          if (test != "test".equals(p.split())) {
            continue;
          }
          out.add(new Item(p.id(), p.label() == 2 ? "OTHER" : "OFFENSE", p.text()));
        }
      }
      case "mlma-fr" -> {
        for (Map<String, String> r : Csv.read(path)) {
          out.add(new Item(r.get("HITId"), mlmaLabel(r.get("sentiment")), r.get("tweet")));
        }
      }
      case "ira-fr" -> out.addAll(iraTweets(path, "French"));
      case "lhsab" -> {
        for (HateXplainData.Post p : LhsabData.read(path).posts()) {
          out.add(new Item(p.id(), LHSAB_CLASSES.get(p.label()), p.text()));
        }
      }
      case "mlma-ar" -> {
        for (Map<String, String> r : Csv.read(path)) {
          out.add(new Item("mlma-ar-" + r.get("HITId"), r.get("sentiment"), r.get("tweet")));
        }
      }
      case "ira-es" -> out.addAll(iraTweets(path, "Spanish"));
      default ->
          throw new IllegalArgumentException(
              "unknown corpus " + corpus + " (one of " + CORPORA.keySet() + ")");
    }
    return out;
  }

  /** MLMA's sentiment (one or more annotators' labels joined by "_") as one of four labels. */
  static String mlmaLabel(String sentiment) {
    List<String> votes = List.of(sentiment.split("_"));
    if (votes.contains("hateful")) {
      return "hateful";
    }
    if (votes.stream().allMatch("normal"::equals)) {
      return "normal";
    }
    return votes.contains("fearful") ? "fearful" : "hostile";
  }

  /**
   * The tweets of the IRA accounts whose {@code language} column is {@code language} ("French",
   * "Spanish"), each labelled by its account's category; the id is the file and the record number
   * in it ({@code tweets/W/WatchMeWalkin.csv#12}).
   */
  static List<Item> iraTweets(Path dir, String language) throws IOException {
    Map<String, String> category = new HashMap<>();
    for (Map<String, String> r : Csv.read(dir.resolve("authors.csv"))) {
      category.put(r.get("author_id"), r.get("account_category"));
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir.resolve("tweets"))) {
      files = s.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
    }
    List<Item> out = new ArrayList<>();
    for (Path f : files) {
      int line = 0;
      for (Map<String, String> r : Csv.read(f)) {
        line++;
        if (language.equals(r.get("language"))) {
          String author = r.get("author_id");
          out.add(
              new Item(
                  dir.relativize(f) + "#" + line,
                  category.getOrDefault(author, "unknown"),
                  r.get("content")));
        }
      }
    }
    return out;
  }

  /** Runs the count; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      throw new IllegalArgumentException(
          "usage: DeepStageCounts LANG CORPUS PATH [--gated FILE] [--labels FILE] [--gate-all];"
              + " corpora: "
              + CORPORA);
    }
    String lang = args[0];
    List<Item> items = read(args[1], Path.of(args[2]));
    Path gatedOut = null;
    Path labels = null;
    boolean gateAll = false;
    for (int i = 3; i < args.length; i++) {
      switch (args[i]) {
        case "--gated" -> gatedOut = Path.of(value(args, ++i));
        case "--labels" -> labels = Path.of(value(args, ++i));
        case "--gate-all" -> gateAll = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    PostScorer screen = ShippedScorer.build();
    DeepStage deep = DeepStages.of(lang);
    CascadeScorer cascade =
        new CascadeScorer(
            screen,
            () -> {
              throw new IllegalStateException("every post is tagged " + lang);
            },
            Map.of(lang, deep),
            new CascadeSettings(
                true,
                CascadeSettings.DEFAULTS.targetThreshold(),
                gateAll ? 0 : CascadeSettings.DEFAULTS.incitementThreshold(),
                1));
    Author a = new Author(args[1], null, null, null, null);
    // the first analysis on this thread loads the pipeline: do it outside the timing
    long t0 = System.nanoTime();
    deep.analyze(items.get(0).text(), List.of());
    double load = (System.nanoTime() - t0) / 1e9;
    Map<String, int[]> byLabel = new LinkedHashMap<>(); // posts, gated, call, targeted, up, down
    List<String> gated = new ArrayList<>();
    Map<String, boolean[]> found = new HashMap<>();
    long t1 = System.nanoTime();
    for (Item item : items) {
      Score s = cascade.score(Post.ofText(args[1], item.id(), a, Instant.EPOCH, item.text(), lang));
      int[] row = byLabel.computeIfAbsent(item.label(), k -> new int[6]);
      row[0]++;
      boolean wasGated = false;
      boolean call = false;
      boolean targeted = false;
      for (String n : s.explanation().notes()) {
        wasGated |= n.startsWith("deep stage gate:");
        Matcher m = CALLS.matcher(n);
        if (n.startsWith("deep stage: CoreNLP") && m.find()) {
          call = Integer.parseInt(m.group(1)) > 0;
          targeted = Integer.parseInt(m.group(2)) > 0;
        }
        Matcher c = CHANGE.matcher(n);
        if (c.find()) {
          double from = Double.parseDouble(c.group(1));
          double to = Double.parseDouble(c.group(2));
          row[4] += to > from ? 1 : 0;
          row[5] += to < from ? 1 : 0;
        }
      }
      if (wasGated) {
        row[1]++;
        row[2] += call ? 1 : 0;
        row[3] += targeted ? 1 : 0;
        found.put(item.id(), new boolean[] {call, targeted});
        gated.add(
            String.join(
                "\t",
                item.id(),
                item.label(),
                call ? "1" : "0",
                targeted ? "1" : "0",
                item.text().replaceAll("[\\t\\r\\n]+", " ")));
      }
    }
    double secs = (System.nanoTime() - t1) / 1e9;
    OUT.printf(
        Locale.ROOT,
        "%s (%s): %d posts, whole cascade on 1 thread %.1f s (%.0f posts/s), %s pipeline first"
            + " use %.1f s, counts %s%n",
        args[1],
        lang,
        items.size(),
        secs,
        items.size() / secs,
        lang,
        load,
        java.util.Arrays.toString(cascade.counts()));
    OUT.println(
        "| label | n | gated | deep found a call | a targeted call | incitement raised | lowered |");
    OUT.println("| --- | --- | --- | --- | --- | --- | --- |");
    byLabel.forEach(
        (label, x) ->
            OUT.printf(
                Locale.ROOT,
                "| %s | %d | %d | %d | %d | %d | %d |%n",
                label,
                x[0],
                x[1],
                x[2],
                x[3],
                x[4],
                x[5]));
    if (gatedOut != null) {
      try (BufferedWriter w = Files.newBufferedWriter(gatedOut, StandardCharsets.UTF_8)) {
        w.write("# id\tlabel\tcall\ttargeted\ttext\n");
        for (String g : gated) {
          w.write(g);
          w.write('\n');
        }
      }
      OUT.println("gated posts written to " + gatedOut);
    }
    if (labels != null) {
      agreement(labels, found);
    }
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a file");
    }
    return args[i];
  }

  /** Precision and recall of the calls found against the hand labels of the gated posts. */
  static void agreement(Path labels, Map<String, boolean[]> found) throws IOException {
    int[] call = new int[3]; // tp, fp, fn
    int[] targeted = new int[3];
    int n = 0;
    int positives = 0;
    for (String line : Files.readAllLines(labels, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length < 6 || !f[5].matches("[01]")) {
        throw new IllegalArgumentException(
            labels + ": expected 6 tab-separated fields, the sixth 0 or 1 [got " + line + "]");
      }
      boolean[] d = found.get(f[0]);
      if (d == null) {
        throw new IllegalArgumentException(labels + ": post " + f[0] + " was not gated this run");
      }
      boolean gold = "1".equals(f[5]);
      n++;
      positives += gold ? 1 : 0;
      tally(call, d[0], gold);
      tally(targeted, d[1], gold);
    }
    OUT.printf(
        Locale.ROOT, "hand labels: %d gated posts, %d incitement by the guideline%n", n, positives);
    OUT.println("| deep stage says | precision | recall | tp | fp | fn |");
    OUT.println("| --- | --- | --- | --- | --- | --- |");
    row("a call to violence", call);
    row("a targeted call", targeted);
  }

  private static void tally(int[] t, boolean predicted, boolean gold) {
    if (predicted && gold) {
      t[0]++;
    } else if (predicted) {
      t[1]++;
    } else if (gold) {
      t[2]++;
    }
  }

  private static void row(String name, int[] t) {
    double p = t[0] + t[1] == 0 ? Double.NaN : t[0] / (double) (t[0] + t[1]);
    double r = t[0] + t[2] == 0 ? Double.NaN : t[0] / (double) (t[0] + t[2]);
    OUT.printf(Locale.ROOT, "| %s | %.3f | %.3f | %d | %d | %d |%n", name, p, r, t[0], t[1], t[2]);
  }
}
