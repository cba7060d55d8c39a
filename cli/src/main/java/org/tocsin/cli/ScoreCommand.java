package org.tocsin.cli;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.json.PostJson;
import org.tocsin.core.json.ScoreJson;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.PostScorer;
import org.tocsin.node.PostImporter;
import org.tocsin.node.TocsinNode;
import org.tocsin.node.config.TocsinConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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
          + " gets {\"error\": ...} in its place, so that output lines match input lines."
    })
final class ScoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", description = "Configuration (nlp.scorer).")
  Path config;

  @Parameters(arity = "0..1", paramLabel = "FILE", description = "Input; stdin when absent.")
  Path file;

  @Override
  public Integer call() throws Exception {
    TocsinConfig cfg = config == null ? TocsinConfig.defaults() : TocsinConfig.load(config);
    if (file != null && !Files.isRegularFile(file)) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "not a readable file: " + file);
    }
    PostScorer scorer = TocsinNode.scorer(cfg);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long n = 0;
    long bad = 0;
    try (InputStream raw = file == null ? stdin() : PostImporter.openJsonl(file);
        BufferedReader in =
            new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        n++;
        Post post;
        try {
          post = line.stripLeading().startsWith("{") ? PostJson.read(line) : textPost(line, n);
        } catch (PostFormatException | IllegalArgumentException e) {
          bad++;
          err.println("line " + n + ": " + e.getMessage());
          out.println(
              org.tocsin.core.json.Json.mapper()
                  .createObjectNode()
                  .put("line", n)
                  .put("error", e.getMessage()));
          continue;
        }
        out.println(ScoreJson.write(scorer.score(post)));
      }
    }
    out.flush();
    return bad > 0 ? 1 : 0;
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
