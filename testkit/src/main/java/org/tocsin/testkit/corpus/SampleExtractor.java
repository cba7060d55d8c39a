package org.tocsin.testkit.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.tocsin.core.SuppressForbidden;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.json.PostJson;
import org.tocsin.core.post.Post;

/**
 * Takes the testkit's real-post sample from the built demo corpus: {@value #IRA_ENGLISH} English
 * and {@value #IRA_OTHER} non-English IRA tweets, and {@value #HATEXPLAIN_PER_LABEL} HateXplain
 * posts of each label. Lines are copied byte for byte and keep the corpus order; the choice is
 * seeded with {@link DemoCorpusBuilder#SEED}.
 *
 * <p>Usage: {@code SampleExtractor CORPUS_JSONL_GZ OUTPUT_JSONL}.
 */
public final class SampleExtractor {

  /** English IRA tweets in the sample. */
  public static final int IRA_ENGLISH = 130;

  /** Non-English (or language-less) IRA tweets in the sample. */
  public static final int IRA_OTHER = 20;

  /** HateXplain posts of each label in the sample. */
  public static final int HATEXPLAIN_PER_LABEL = 50;

  private SampleExtractor() {}

  /**
   * Writes the sample of {@code args[0]} to {@code args[1]}.
   *
   * @throws IllegalArgumentException if the arguments are wrong
   * @throws IOException if reading or writing fails, or the corpus breaks the Post JSON contract
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException(
          "usage: SampleExtractor CORPUS_JSONL_GZ OUTPUT_JSONL [got "
              + args.length
              + " arguments]");
    }
    List<String> sample = select(readGzipLines(Path.of(args[0])));
    Path out = Path.of(args[1]);
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    Files.write(out, sample, StandardCharsets.UTF_8);
    try (PrintStream console = console()) {
      console.printf(Locale.ROOT, "wrote %,d posts to %s%n", sample.size(), out);
    }
  }

  /** Reads the lines of a gzip-compressed UTF-8 file, skipping blank lines. */
  public static List<String> readGzipLines(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16),
                StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          lines.add(line);
        }
      }
    }
    return lines;
  }

  /**
   * Chooses the sample from the corpus lines; see the class comment.
   *
   * @throws IOException if a line breaks the Post JSON contract
   */
  public static List<String> select(List<String> corpusLines) throws IOException {
    List<Post> posts = new ArrayList<>(corpusLines.size());
    for (String line : corpusLines) {
      try {
        posts.add(PostJson.read(line));
      } catch (PostFormatException e) {
        throw new IOException("corpus line " + (posts.size() + 1) + ": " + e.getMessage(), e);
      }
    }
    Random random = new Random(DemoCorpusBuilder.SEED);
    Set<Integer> chosen = new HashSet<>();
    Predicate<Post> ira = p -> p.extra().containsKey(IraTweets.EXTRA_FIELD);
    take(posts, ira.and(p -> "en".equals(p.lang())), IRA_ENGLISH, random, chosen);
    take(posts, ira.and(p -> !"en".equals(p.lang())), IRA_OTHER, random, chosen);
    for (String label : HateXplainPosts.LABELS) {
      Predicate<Post> hx =
          p -> {
            JsonNode n = p.extra().get(HateXplainPosts.EXTRA_FIELD);
            return n != null && label.equals(n.path("label").asText());
          };
      take(posts, hx, HATEXPLAIN_PER_LABEL, random, chosen);
    }
    Map<Integer, String> ordered = new TreeMap<>();
    chosen.forEach(i -> ordered.put(i, corpusLines.get(i)));
    return List.copyOf(ordered.values());
  }

  private static void take(
      List<Post> posts, Predicate<Post> which, int n, Random random, Set<Integer> chosen) {
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < posts.size(); i++) {
      if (which.test(posts.get(i))) {
        candidates.add(i);
      }
    }
    Collections.shuffle(candidates, random);
    chosen.addAll(candidates.subList(0, Math.min(n, candidates.size())));
  }

  @SuppressForbidden(reason = "a command-line tool reports to standard output")
  private static PrintStream console() {
    return new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
  }
}
