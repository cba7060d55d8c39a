package org.tocsin.bench.nlp;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tocsin.api.config.TocsinConfig;
import org.tocsin.api.node.TocsinNode;
import org.tocsin.core.SuppressForbidden;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.PostScorer;
import org.tocsin.core.score.Score;
import org.tocsin.models.germeval.GermEvalData;
import org.tocsin.models.hatexplain.HateXplainData;
import org.tocsin.nlp.cascade.CascadeScorer;
import org.tocsin.nlp.cascade.CascadeSettings;
import org.tocsin.nlp.corenlp.DeepEvidence;
import org.tocsin.nlp.corenlp.DeepStage;
import org.tocsin.nlp.corenlp.DeepStages;
import org.tocsin.testkit.corpus.CsvReader;
import org.tocsin.testkit.corpus.IraTweets;

/**
 * A language's deep stage on a labelled corpus of that language: how many posts the gate picks per
 * corpus label, how many calls to violence (and targeted calls) CoreNLP finds, how incitement
 * changes, and the wall time of the whole cascade on one thread.
 *
 * <p>Run: {@code java -cp "bench/target/tocsin-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*"
 * org.tocsin.bench.nlp.DeepStageCounts LANG CORPUS PATH [--gated FILE] [--labels FILE] [--every
 * FILE]}, CORPUS one of {@link #CORPORA}. {@code --gated} writes every gated post (id, corpus
 * label, whether the deep stage found a call, a targeted call, the text) as TSV, for labelling by
 * hand; {@code --labels} reads such a file back with a hand label in a sixth column (1: the post
 * calls for violence against people, 0: it does not) and reports the precision and recall of the
 * calls found. {@code --every} also runs the deep stage on every post, gated or not (with the
 * screen's lexicon hits), and writes those where it finds a call in the {@code --gated} format:
 * what the rules would say if the gate let everything through.
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
          "ira-es",
          "the IRA tweets whose language column says Spanish, labelled by their account_category"
              + " (PATH: the ira_russian_troll_tweets_by_author directory)");

  /** A post of the corpus and its label there. */
  record Item(String id, String label, String text) {}

  private DeepStageCounts() {}

  /** Reads a corpus by name. */
  static List<Item> read(String corpus, Path path) throws IOException {
    List<Item> out = new ArrayList<>();
    switch (corpus) {
      case "germeval" -> {
        for (HateXplainData.Post p : GermEvalData.read(path).split("test")) {
          out.add(new Item(p.id(), p.label() == 2 ? "OTHER" : "OFFENSE", p.text()));
        }
      }
      case "ira-es" -> out.addAll(iraTweets(path, "Spanish"));
      default ->
          throw new IllegalArgumentException(
              "unknown corpus " + corpus + " (one of " + CORPORA.keySet() + ")");
    }
    return out;
  }

  /**
   * The IRA tweets of one {@code language} column value, in the manifest's file order, each with
   * its account's {@code account_category} as the label and {@link IraTweets#stableId} as the id.
   */
  static List<Item> iraTweets(Path dir, String language) throws IOException {
    Map<String, String> category = new HashMap<>();
    for (Map<String, String> a : CsvReader.readTable(dir.resolve("authors.csv"))) {
      category.put(a.get("author_id"), a.get("account_category"));
    }
    List<Map<String, String>> manifest = CsvReader.readTable(dir.resolve("SUBSET_MANIFEST.csv"));
    manifest.sort(Comparator.comparing(m -> m.get("path")));
    List<Item> out = new ArrayList<>();
    for (Map<String, String> m : manifest) {
      String author = m.get("author_id");
      for (Map<String, String> t :
          CsvReader.readTable(dir.resolve("tweets").resolve(m.get("path")))) {
        if (language.equals(t.get("language"))) {
          out.add(
              new Item(
                  IraTweets.stableId(author, t.get("publish_date"), t.get("content")),
                  category.getOrDefault(author, "?"),
                  t.get("content")));
        }
      }
    }
    return out;
  }

  /** Runs the count; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      throw new IllegalArgumentException(
          "usage: DeepStageCounts LANG CORPUS PATH [--gated FILE] [--labels FILE] [--every FILE];"
              + " corpora: "
              + CORPORA);
    }
    String lang = args[0];
    List<Item> items = read(args[1], Path.of(args[2]));
    Path gatedOut = null;
    Path labels = null;
    Path every = null;
    for (int i = 3; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--gated" -> gatedOut = Path.of(args[i + 1]);
        case "--labels" -> labels = Path.of(args[i + 1]);
        case "--every" -> every = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    PostScorer screen = TocsinNode.scorer(TocsinConfig.defaults());
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
                CascadeSettings.DEFAULTS.incitementThreshold(),
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
    if (every != null) {
      everyPost(items, screen, deep, lang, a, every);
    }
  }

  /** The deep stage on every post: writes those where it finds a call and prints the count. */
  static void everyPost(
      List<Item> items, PostScorer screen, DeepStage deep, String lang, Author a, Path out)
      throws IOException {
    int calls = 0;
    int targeted = 0;
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write("# id\tlabel\tcall\ttargeted\ttext (the deep stage on every post, gated or not)\n");
      for (Item item : items) {
        Post p = Post.ofText(a.id(), item.id(), a, Instant.EPOCH, item.text(), lang);
        DeepEvidence e = deep.analyze(item.text(), screen.score(p).explanation().lexicon());
        if (e.callToAction()) {
          calls++;
          boolean t = !e.targetedCalls().isEmpty();
          targeted += t ? 1 : 0;
          w.write(
              String.join(
                  "\t",
                  item.id(),
                  item.label(),
                  "1",
                  t ? "1" : "0",
                  item.text().replaceAll("[\\t\\r\\n]+", " ")));
          w.write('\n');
        }
      }
    }
    OUT.printf(
        Locale.ROOT,
        "deep stage on every post, gated or not: %d of %d with a call (%d targeted), written to"
            + " %s%n",
        calls,
        items.size(),
        targeted,
        out);
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
        Locale.ROOT,
        "hand labels: %d gated posts, %d call for violence against people%n",
        n,
        positives);
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
