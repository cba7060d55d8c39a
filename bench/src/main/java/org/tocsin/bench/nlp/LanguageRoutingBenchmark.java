package org.tocsin.bench.nlp;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.tocsin.core.SuppressForbidden;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.PostScorer;
import org.tocsin.core.score.Score;
import org.tocsin.models.hatexplain.HateXplainData;
import org.tocsin.nlp.LanguageRoutedScorer;
import org.tocsin.nlp.assembly.ShippedScorer;
import org.tocsin.testkit.corpus.CsvReader;

/**
 * How well the shipped router guesses the language of untagged posts, and what that does to recall,
 * on labelled real text: GermEval 2018 (German), MLMA (French, English, Arabic), HateXplain
 * (English) and the IRA tweets (whose {@code language} column is Twitter's own guess).
 *
 * <p>Routing: the share of each source's texts the router's guess ({@link
 * LanguageRoutedScorer#guess}, script then function words) takes to the right language, to a wrong
 * one, or to none (the fallback). Recall: GermEval test OFFENSE tweets and MLMA French abusive
 * tweets, scored tagged and untagged, before (untagged: the English fallback, as the router did
 * before it guessed; French tagged: the English model with the French lexicon) and after.
 *
 * <p>Run: {@code java -cp ... org.tocsin.bench.nlp.LanguageRoutingBenchmark [DATA_DIR]} (default
 * {@code ../shared/data}); prints Markdown to stdout.
 */
@SuppressForbidden(reason = "a command-line benchmark prints its table to stdout")
public final class LanguageRoutingBenchmark {
  private static final PrintStream OUT = System.out;

  private LanguageRoutingBenchmark() {}

  /** A labelled text: its source, its language and whether it is abusive (null: unknown). */
  record Text(String source, String lang, String text, Boolean abusive) {}

  /** Runs the benchmark. */
  public static void main(String[] args) throws Exception {
    Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
    List<Text> texts = new ArrayList<>();
    List<Text> germevalTest = germeval(data.resolve("germeval2018/germeval2018.test.txt"));
    texts.addAll(germevalTest);
    texts.addAll(germeval(data.resolve("germeval2018/germeval2018.training.txt")));
    List<Text> mlmaFr = mlma(data, "fr", "fr_dataset.csv");
    texts.addAll(mlmaFr);
    texts.addAll(mlma(data, "en", "en_dataset_with_stop_words.csv"));
    texts.addAll(mlma(data, "ar", "ar_dataset.csv"));
    for (HateXplainData.Post p :
        HateXplainData.read(data.resolve("hatexplain/hatexplain_official_split.jsonl")).posts()) {
      texts.add(new Text("HateXplain", "en", p.text(), p.label() != 2));
    }
    texts.addAll(ira(data.resolve("influence_ops/ira_russian_troll_tweets_by_author/tweets")));

    routing(texts);
    guessCost(texts);

    PostScorer shipped = ShippedScorer.build();
    LanguageRoutedScorer router = (LanguageRoutedScorer) shipped;
    PostScorer english = router.fallback();
    OUT.printf(Locale.ROOT, "%n## Recall%n%n");
    OUT.println(
        "| set | n | scored as | found abusive (p(hate)+p(offensive) >= 0.5) | hate >= 0.5 |"
            + " model |");
    OUT.println("| --- | --- | --- | --- | --- | --- |");
    List<Text> offense = germevalTest.stream().filter(Text::abusive).toList();
    List<Text> other = germevalTest.stream().filter(t -> !t.abusive()).toList();
    for (List<Text> set : List.of(offense, other)) {
      String name = set == offense ? "GermEval test OFFENSE" : "GermEval test OTHER";
      recall(name, set, "tagged de (before = after)", t -> router.score(post(t.text(), "de")));
      recall(name, set, "untagged, before (English fallback)", t -> english.score(post(t.text())));
      recall(name, set, "untagged, after (guessed)", t -> router.score(post(t.text())));
    }
    List<Text> frAbusive = mlmaFr.stream().filter(t -> Boolean.TRUE.equals(t.abusive())).toList();
    List<Text> frNormal = mlmaFr.stream().filter(t -> Boolean.FALSE.equals(t.abusive())).toList();
    for (List<Text> set : List.of(frAbusive, frNormal)) {
      String name = set == frAbusive ? "MLMA fr, no annotator 'normal'" : "MLMA fr, 'normal' only";
      recall(
          name,
          set,
          "tagged fr, before (English model, French lexicon)",
          t -> english.score(post(t.text(), "fr")));
      recall(
          name, set, "tagged fr, after (French lexicon)", t -> router.score(post(t.text(), "fr")));
      recall(name, set, "untagged, before (English fallback)", t -> english.score(post(t.text())));
      recall(name, set, "untagged, after (guessed)", t -> router.score(post(t.text())));
    }
  }

  private static void routing(List<Text> texts) {
    Map<String, int[]> counts = new TreeMap<>();
    Map<String, Map<String, Integer>> wrong = new TreeMap<>();
    for (Text t : texts) {
      LanguageRoutedScorer.Guess g = LanguageRoutedScorer.guess(t.text());
      String key = t.source() + " | " + t.lang();
      int[] c = counts.computeIfAbsent(key, k -> new int[4]);
      c[0]++;
      if (g == null) {
        c[3]++;
      } else if (g.language().equals(t.lang())) {
        c[1]++;
      } else {
        c[2]++;
        wrong.computeIfAbsent(key, k -> new TreeMap<>()).merge(g.language(), 1, Integer::sum);
      }
    }
    OUT.printf(Locale.ROOT, "## Routing of untagged texts%n%n");
    OUT.println("| source | language | n | right | wrong | no guess (fallback) | wrong ones |");
    OUT.println("| --- | --- | --- | --- | --- | --- | --- |");
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      int[] c = e.getValue();
      OUT.printf(
          Locale.ROOT,
          "| %s | %,d | %.1f %% | %.1f %% | %.1f %% | %s |%n",
          e.getKey(),
          c[0],
          100.0 * c[1] / c[0],
          100.0 * c[2] / c[0],
          100.0 * c[3] / c[0],
          wrong.getOrDefault(e.getKey(), Map.of()));
    }
  }

  private static void guessCost(List<Text> texts) {
    long sink = 0;
    for (int round = 0; round < 3; round++) {
      long t0 = System.nanoTime();
      for (Text t : texts) {
        LanguageRoutedScorer.Guess g = LanguageRoutedScorer.guess(t.text());
        sink += g == null ? 0 : g.language().length();
      }
      double sec = (System.nanoTime() - t0) / 1e9;
      OUT.printf(
          Locale.ROOT,
          "%nguess (script, then function words), round %d, 1 thread: %,d texts in %.2f s,"
              + " %.1f µs/text (%d)%n",
          round,
          texts.size(),
          sec,
          1e6 * sec / texts.size(),
          sink % 10);
    }
  }

  private static void recall(String set, List<Text> texts, String how, Function<Text, Score> f) {
    int abusive = 0;
    int hate = 0;
    Map<String, Integer> models = new TreeMap<>();
    for (Text t : texts) {
      Score s = f.apply(t);
      abusive += s.hate() + s.offensive() >= 0.5 ? 1 : 0;
      hate += s.hate() >= 0.5 ? 1 : 0;
      models.merge(s.model(), 1, Integer::sum);
    }
    OUT.printf(
        Locale.ROOT,
        "| %s | %,d | %s | %.1f %% | %.1f %% | %s |%n",
        set,
        texts.size(),
        how,
        100.0 * abusive / texts.size(),
        100.0 * hate / texts.size(),
        models);
  }

  static Post post(String text) {
    return post(text, null);
  }

  static Post post(String text, String lang) {
    return Post.ofText(
        "bench", "1", new Author("bench", null, null, null, null), Instant.EPOCH, text, lang);
  }

  private static List<Text> germeval(Path file) throws IOException {
    String source =
        file.getFileName().toString().contains("test") ? "GermEval test" : "GermEval train";
    List<Text> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] f = line.split("\t", -1);
      if (f.length >= 2) {
        out.add(new Text(source, "de", f[0], f[1].equals("OFFENSE")));
      }
    }
    return out;
  }

  private static List<Text> mlma(Path data, String lang, String file) throws IOException {
    List<Text> out = new ArrayList<>();
    for (Map<String, String> row :
        CsvReader.readTable(data.resolve("mlma/hate_speech_mlma").resolve(file))) {
      String sentiment = row.getOrDefault("sentiment", "");
      // "normal" alone: not abusive; a mix with "normal" (annotators split): left out of recall
      Boolean abusive =
          sentiment.equals("normal") ? Boolean.FALSE : sentiment.contains("normal") ? null : true;
      out.add(new Text("MLMA", lang, row.get("tweet"), abusive));
    }
    return out;
  }

  private static final Map<String, String> IRA_LANGUAGES =
      Map.of(
          "English", "en",
          "German", "de",
          "French", "fr",
          "Spanish", "es",
          "Italian", "it",
          "Portuguese", "pt",
          "Dutch", "nl",
          "Polish", "pl",
          "Russian", "ru",
          "Arabic", "ar");

  private static List<Text> ira(Path dir) throws IOException {
    List<Text> out = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path f : files) {
      for (Map<String, String> row : CsvReader.readTable(f)) {
        String lang = IRA_LANGUAGES.getOrDefault(row.get("language"), "other");
        out.add(new Text("IRA (Twitter's label)", lang, row.get("content"), null));
      }
    }
    return out;
  }
}
