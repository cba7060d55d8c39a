package org.tocsin.models.myanmar;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.tocsin.core.SuppressForbidden;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.LexiconHit;
import org.tocsin.core.score.Score;
import org.tocsin.nlp.baseline.LexiconScorer;

/**
 * The Burmese lexicon on the myHateSpeech 1.0 <b>test</b> split (which {@link
 * BurmeseLexiconBuilder} never read): for each of the corpus's nine classes, the share of test
 * sentences with a target (a group or slur hit), a violence hit, an insult hit, and a non-zero
 * dehumanisation score, read as written in the corpus (spaces between words) and with the spaces
 * removed (as Burmese is usually written), against the English lexicon that untagged-language
 * fallback gave before.
 *
 * <p>Run: {@code java -cp ... org.tocsin.models.myanmar.BurmeseLexiconEvaluation CORPUS}.
 */
@SuppressForbidden(reason = "a command-line evaluation prints its table")
public final class BurmeseLexiconEvaluation {
  private static final PrintStream OUT = System.out;

  private BurmeseLexiconEvaluation() {}

  /** Prints the table; the argument is the corpus file or folder. */
  public static void main(String[] args) throws IOException {
    Path f = MyHateSpeechData.resolve(Path.of(args[0]));
    String s = Files.readString(f, StandardCharsets.UTF_8);
    List<MyHateSpeechData.Record> records = MyHateSpeechData.records(s, f);
    String[] splits = MyHateSpeechData.splits(records);
    List<MyHateSpeechData.Record> test =
        records.stream().filter(r -> "test".equals(splits[r.index()])).toList();
    LexiconScorer scorer = LexiconScorer.loadDefault();
    OUT.printf(
        Locale.ROOT,
        "myHateSpeech 1.0 test split: %d sentences; lexicon %s (%d entries)%n",
        test.size(),
        scorer.lexicons().get("my").name(),
        scorer.lexicons().get("my").entries().size());
    for (String[] run :
        List.of(
            new String[] {"my", "spaced"},
            new String[] {"my", "unspaced"},
            new String[] {"en", "spaced"})) {
      OUT.printf(Locale.ROOT, "%n%s lexicon, text %s:%n", run[0], run[1]);
      OUT.println("| class | n | target | violence | insult | dehumanisation > 0 | any hit |");
      OUT.println("| --- | --- | --- | --- | --- | --- | --- |");
      Map<String, int[]> rows = new LinkedHashMap<>();
      MyHateSpeechData.CLASSES.forEach(c -> rows.put(c, new int[6]));
      for (MyHateSpeechData.Record r : test) {
        String text = "unspaced".equals(run[1]) ? MyHateSpeechData.unspaced(r.text()) : r.text();
        Score sc =
            scorer.score(
                Post.ofText(
                    "myhs",
                    String.valueOf(r.line()),
                    new Author("myhs", null, null, null, null),
                    Instant.EPOCH,
                    text,
                    run[0]));
        Set<String> cats =
            sc.explanation().lexicon().stream()
                .map(LexiconHit::category)
                .collect(Collectors.toSet());
        int[] x = rows.get(r.cls());
        x[0]++;
        x[1] += sc.targets().isEmpty() ? 0 : 1;
        x[2] += cats.contains("violence") ? 1 : 0;
        x[3] += cats.contains("insult") ? 1 : 0;
        x[4] += sc.dehumanization() > 0 ? 1 : 0;
        x[5] += cats.isEmpty() ? 0 : 1;
      }
      rows.forEach(
          (c, x) ->
              OUT.printf(
                  Locale.ROOT,
                  "| %s | %d | %s | %s | %s | %s | %s |%n",
                  c,
                  x[0],
                  pct(x[1], x[0]),
                  pct(x[2], x[0]),
                  pct(x[3], x[0]),
                  pct(x[4], x[0]),
                  pct(x[5], x[0])));
    }
  }

  private static String pct(int n, int of) {
    return of == 0 ? "-" : String.format(Locale.ROOT, "%.0f %%", 100.0 * n / of);
  }
}
