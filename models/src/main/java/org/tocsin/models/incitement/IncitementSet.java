package org.tocsin.models.incitement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The hand-labelled incitement set: one JSON object a line with {@code id}, {@code source}, {@code
 * source_id}, {@code text}, {@code label} (one of {@link #LABELS}), {@code factors}, {@code
 * rationale} and {@code split} ({@code dev} or {@code test}). See models/incitement/README.md and
 * docs/incitement-guideline.md.
 *
 * @param name where the set was read from, for messages
 * @param posts the posts in file order
 */
public record IncitementSet(String name, List<Post> posts) {

  /** The labels of the guideline, most severe first. */
  public static final List<String> LABELS =
      List.of("incitement", "dehumanising", "hateful", "none");

  /** The splits. */
  public static final List<String> SPLITS = List.of("dev", "test");

  /** The classpath resource holding the shipped set (models/incitement in the source tree). */
  public static final String RESOURCE = "tocsin/incitement/incitement-v1.jsonl";

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One labelled post.
   *
   * @param id the set's own id ({@code inc-0001} ...)
   * @param source the corpus it was drawn from
   * @param sourceId the post's id in that corpus
   * @param text the post text as the corpus gives it
   * @param label one of {@link #LABELS}
   * @param factors the Rabat factors visible in the text
   * @param rationale why a positive is one, or {@code null}
   * @param split {@code dev} or {@code test}
   */
  public record Post(
      String id,
      String source,
      String sourceId,
      String text,
      String label,
      List<String> factors,
      String rationale,
      String split) {

    /** Whether the post is labelled {@code incitement}: the positive class of the evaluation. */
    public boolean incitement() {
      return label.equals("incitement");
    }
  }

  /** Freezes the list. */
  public IncitementSet {
    Objects.requireNonNull(name, "name");
    posts = List.copyOf(posts);
  }

  /** The posts of one split, in file order. */
  public List<Post> split(String split) {
    if (!SPLITS.contains(split)) {
      throw new IllegalArgumentException("unknown split [got " + split + "]");
    }
    return posts.stream().filter(p -> p.split().equals(split)).toList();
  }

  /**
   * Reads the set shipped in the models jar ({@value #RESOURCE}).
   *
   * @throws IllegalStateException if the resource is missing (a broken build)
   * @throws IncitementSetFormatException if a line is malformed
   */
  public static IncitementSet loadDefault() throws IOException {
    try (InputStream in = IncitementSet.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("classpath resource missing [got no " + RESOURCE + "]");
      }
      return read(
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder())),
          "classpath:" + RESOURCE);
    }
  }

  /**
   * Reads a set from a JSONL file.
   *
   * @throws IncitementSetFormatException if a line is malformed; the message names file and line
   * @throws IOException if the file cannot be read or is not UTF-8
   */
  public static IncitementSet read(Path path) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return read(in, path.toString());
    }
  }

  /** Reads a set; {@code name} appears in error messages. */
  static IncitementSet read(BufferedReader in, String name) throws IOException {
    List<Post> posts = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    String line;
    int n = 0;
    while ((line = in.readLine()) != null) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      Post p = parse(line, name, n);
      if (!ids.add(p.id())) {
        throw new IncitementSetFormatException(name, n, "duplicate id [got " + p.id() + "]");
      }
      posts.add(p);
    }
    if (posts.isEmpty()) {
      throw new IncitementSetFormatException(name, n, "no posts");
    }
    return new IncitementSet(name, posts);
  }

  private static Post parse(String line, String name, int n) {
    JsonNode o;
    try {
      o = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IncitementSetFormatException(name, n, "not JSON: " + e.getOriginalMessage());
    }
    if (o == null || !o.isObject()) {
      throw new IncitementSetFormatException(name, n, "not a JSON object");
    }
    String label = text(o, "label", name, n);
    if (!LABELS.contains(label)) {
      throw new IncitementSetFormatException(
          name, n, "label must be one of " + LABELS + " [got " + label + "]");
    }
    String split = text(o, "split", name, n);
    if (!SPLITS.contains(split)) {
      throw new IncitementSetFormatException(
          name, n, "split must be one of " + SPLITS + " [got " + split + "]");
    }
    List<String> factors = new ArrayList<>();
    JsonNode f = o.get("factors");
    if (f != null && !f.isNull()) {
      if (!f.isArray()) {
        throw new IncitementSetFormatException(name, n, "factors must be an array");
      }
      f.forEach(x -> factors.add(x.asText()));
    }
    return new Post(
        text(o, "id", name, n),
        text(o, "source", name, n),
        text(o, "source_id", name, n),
        text(o, "text", name, n),
        label,
        List.copyOf(factors),
        o.hasNonNull("rationale") ? o.get("rationale").asText() : null,
        split);
  }

  private static String text(JsonNode o, String field, String name, int n) {
    JsonNode v = o.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new IncitementSetFormatException(name, n, "missing or empty string field " + field);
    }
    return v.asText();
  }
}
