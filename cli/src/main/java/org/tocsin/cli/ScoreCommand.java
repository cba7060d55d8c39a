package org.tocsin.cli;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.json.PostJson;
import org.tocsin.core.json.ScoreJson;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.PostScorer;
import org.tocsin.core.score.Score;
import org.tocsin.nlp.batch.ParallelScorer;
import org.tocsin.node.PostImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tocsin score}: one Score JSON per input line, in order, for batch use and model checks.
 */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = {
      "Reads Post JSONL, or plain text with one post per line, from a file or stdin, and writes"
          + " one Score JSON per line in the same order (hate, offensive, normal, label,"
          + " incitement, dehumanization, targets, the Rabat factors with their evidence, the"
          + " explanation, model and version). A line that is neither is reported on stderr and"
          + " gets {\"error\": ...} in its place, so that output lines match input lines. Posts are"
          + " scored in batches of 1,000 on all cores; stderr gets how many were scored, how long"
          + " it took and the rate."
    })
final class ScoreCommand implements Callable<Integer> {
  /** Lines read, scored on all cores and written per batch. */
  static final int BATCH = 1_000;

  @Spec CommandSpec spec;

  @Mixin ScorerOptions scoring = new ScorerOptions();

  @Parameters(arity = "0..1", paramLabel = "FILE", description = "Input; stdin when absent.")
  Path file;

  @Override
  public Integer call() throws Exception {
    if (file != null && !Files.isRegularFile(file)) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "not a readable file: " + file);
    }
    PostScorer scorer = scoring.scorer();
    int threads = Runtime.getRuntime().availableProcessors();
    ParallelScorer batches = new ParallelScorer(scorer, threads);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long n = 0;
    long bad = 0;
    long scored = 0;
    long t0 = System.nanoTime();
    // one batch: the posts to score and, in input order, each line's post index or its error
    List<Post> posts = new ArrayList<>(BATCH);
    List<Object> slots = new ArrayList<>(BATCH);
    try (InputStream raw = file == null ? stdin() : PostImporter.openJsonl(file);
        BufferedReader in =
            new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        n++;
        try {
          posts.add(line.stripLeading().startsWith("{") ? PostJson.read(line) : textPost(line, n));
          slots.add(posts.size() - 1);
        } catch (PostFormatException | IllegalArgumentException e) {
          bad++;
          err.println("line " + n + ": " + e.getMessage());
          slots.add(
              org.tocsin.core.json.Json.mapper()
                  .createObjectNode()
                  .put("line", n)
                  .put("error", e.getMessage())
                  .toString());
        }
        if (slots.size() >= BATCH) {
          scored += flush(batches, posts, slots, out);
        }
      }
      scored += flush(batches, posts, slots, out);
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    err.println(
        String.format(
            Locale.ROOT,
            "tocsin score: %,d posts scored in %.2f s, %,.0f posts/s on %d threads%s",
            scored,
            secs,
            scored / Math.max(secs, 1e-9),
            threads,
            bad == 0 ? "" : String.format(Locale.ROOT, " (%,d bad lines)", bad)));
    err.flush();
    out.flush();
    return bad > 0 ? 1 : 0;
  }

  /** Scores a batch and writes its lines in input order; returns how many posts were scored. */
  private static int flush(
      PostScorer batches, List<Post> posts, List<Object> slots, PrintWriter out) {
    List<Score> scores = batches.scoreAll(posts);
    for (Object slot : slots) {
      out.println(slot instanceof Integer i ? ScoreJson.write(scores.get(i)) : (String) slot);
    }
    int scored = posts.size();
    posts.clear();
    slots.clear();
    return scored;
  }

  private static Post textPost(String text, long line) {
    if (text.length() > PostJson.MAX_TEXT_CHARS) {
      throw new IllegalArgumentException(
          "line is longer than " + PostJson.MAX_TEXT_CHARS + " characters");
    }
    return Post.ofText(
        "text",
        "line-" + line,
        new Author("input", null, null, null, null),
        Instant.EPOCH,
        text,
        null);
  }

  @org.tocsin.core.SuppressForbidden(reason = "the score command reads stdin when no file is given")
  private static InputStream stdin() {
    return System.in;
  }
}
