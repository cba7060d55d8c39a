package org.tocsin.models.hatexplain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import org.tocsin.nlp.classifier.TfidfVectorizer;

/**
 * HateXplain's {@code hatexplain_official_split.jsonl}: one post a line with its official split
 * ({@code train}, {@code val}, {@code test}) and majority label.
 *
 * <p>Each post's {@code post_tokens} are joined with spaces, without the {@code <user>} and {@code
 * <url>} placeholders (the tokenizer skips handles and URLs in live posts, so the model must not
 * learn from them), and then read by the same tokenizer as at inference.
 *
 * @param posts every post of the file, in file order
 * @param sha256 the SHA-256 of the file, recorded in the artifact
 */
public record HateXplainData(List<Post> posts, String sha256) {

  /** Label order of the network's outputs. */
  public static final List<String> LABELS = List.of("hate", "offensive", "normal");

  /**
   * One post.
   *
   * @param id HateXplain's post id
   * @param split {@code train}, {@code val} or {@code test}
   * @param text the post tokens joined with spaces, placeholders removed
   * @param tokens the text as the tokenizer reads it
   * @param label index into {@link #LABELS}: the majority of the annotators
   * @param votes how many annotators chose each label of {@link #LABELS}
   */
  public record Post(
      String id, String split, String text, List<String> tokens, int label, int[] votes) {}

  /** Freezes the list. */
  public HateXplainData {
    posts = List.copyOf(posts);
    Objects.requireNonNull(sha256, "sha256");
  }

  /** Reads the file. */
  public static HateXplainData read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    ObjectMapper mapper = new ObjectMapper();
    List<Post> posts = new ArrayList<>();
    int lineNo = 0;
    for (String line : new String(bytes, java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode o = mapper.readTree(line);
      StringJoiner text = new StringJoiner(" ");
      for (JsonNode t : o.path("post_tokens")) {
        String s = t.asText();
        if (!s.equals("<user>") && !s.equals("<url>")) {
          text.add(s);
        }
      }
      int label = labelIndex(o.path("label").asText(), file, lineNo);
      int[] votes = new int[LABELS.size()];
      for (JsonNode annotator : o.path("annotators")) {
        votes[labelIndex(annotator.path("label").asText(), file, lineNo)]++;
      }
      String s = text.toString();
      posts.add(
          new Post(
              o.path("post_id").asText(),
              o.path("split").asText(),
              s,
              TfidfVectorizer.tokens(s),
              label,
              votes));
    }
    return new HateXplainData(posts, sha256(bytes));
  }

  /** The posts of one split, in file order. */
  public List<Post> split(String name) {
    return posts.stream().filter(p -> p.split().equals(name)).toList();
  }

  private static int labelIndex(String label, Path file, int line) throws IOException {
    switch (label) {
      case "hatespeech":
        return 0;
      case "offensive":
        return 1;
      case "normal":
        return 2;
      default:
        throw new IOException(file + ", line " + line + ": unknown label [got '" + label + "']");
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
