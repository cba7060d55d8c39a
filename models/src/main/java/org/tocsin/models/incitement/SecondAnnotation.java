package org.tocsin.models.incitement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A second, independent annotation of (one split of) the incitement set, made blind to the first
 * labels: one JSON object a line with {@code id}, {@code label} (one of {@link
 * IncitementSet#LABELS}), {@code factors} (a subset of {@link #FACTORS}) and {@code reason}. See
 * models/incitement/second-annotation/REPORT.md.
 *
 * @param name where the annotation was read from, for messages
 * @param labels the labels in file order
 */
public record SecondAnnotation(String name, List<Label> labels) {

  /** The Rabat factors the guideline lets the text show (speaker and extent never appear). */
  public static final List<String> FACTORS =
      List.of("content_form", "intent", "likelihood", "context");

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One post's second label.
   *
   * @param id the post's id in the incitement set
   * @param label one of {@link IncitementSet#LABELS}
   * @param factors the Rabat factors the second annotator saw in the text
   * @param reason the second annotator's short reason
   */
  public record Label(String id, String label, List<String> factors, String reason) {

    /** Whether the second annotator labelled the post {@code incitement}. */
    public boolean incitement() {
      return label.equals("incitement");
    }
  }

  /** Freezes the list. */
  public SecondAnnotation {
    Objects.requireNonNull(name, "name");
    labels = List.copyOf(labels);
  }

  /**
   * Reads an annotation from a JSONL file.
   *
   * @throws IncitementSetFormatException if a line is malformed; the message names file and line
   * @throws IOException if the file cannot be read or is not UTF-8
   */
  public static SecondAnnotation read(Path path) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      List<Label> labels = new ArrayList<>();
      Set<String> ids = new HashSet<>();
      String line;
      int n = 0;
      while ((line = in.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        Label l = parse(line, path.toString(), n);
        if (!ids.add(l.id())) {
          throw new IncitementSetFormatException(
              path.toString(), n, "duplicate id [got " + l.id() + "]");
        }
        labels.add(l);
      }
      if (labels.isEmpty()) {
        throw new IncitementSetFormatException(path.toString(), n, "no labels");
      }
      return new SecondAnnotation(path.toString(), labels);
    }
  }

  /**
   * Pairs every second label with the set's post of the same id, in this annotation's order.
   *
   * @throws IllegalArgumentException if an id is not in the set (the message lists up to ten)
   */
  public List<Pair> pair(IncitementSet set) {
    Map<String, IncitementSet.Post> byId = new HashMap<>();
    set.posts().forEach(p -> byId.put(p.id(), p));
    Set<String> unknown = new TreeSet<>();
    List<Pair> pairs = new ArrayList<>();
    for (Label l : labels) {
      IncitementSet.Post p = byId.get(l.id());
      if (p == null) {
        unknown.add(l.id());
      } else {
        pairs.add(new Pair(p, l));
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          name
              + ": ids not in "
              + set.name()
              + " [got "
              + unknown.stream().limit(10).toList()
              + (unknown.size() > 10 ? " and " + (unknown.size() - 10) + " more" : "")
              + "]");
    }
    return pairs;
  }

  /**
   * A post with its first label (in the set) and its second label.
   *
   * @param first the post as the set holds it, with annotator A's label
   * @param second annotator B's label
   */
  public record Pair(IncitementSet.Post first, Label second) {}

  /**
   * The agreement of the two annotators over {@code pairs} on one decision: {@code onFirst} reads
   * it from the set's post, {@code onSecond} from the second label.
   */
  public static <T> Agreement agreement(
      List<Pair> pairs, Function<IncitementSet.Post, T> onFirst, Function<Label, T> onSecond) {
    return Agreement.of(
        pairs.stream().map(p -> onFirst.apply(p.first())).toList(),
        pairs.stream().map(p -> onSecond.apply(p.second())).toList());
  }

  private static Label parse(String line, String name, int n) {
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
    if (!IncitementSet.LABELS.contains(label)) {
      throw new IncitementSetFormatException(
          name, n, "label must be one of " + IncitementSet.LABELS + " [got " + label + "]");
    }
    JsonNode f = o.get("factors");
    if (f == null || !f.isArray()) {
      throw new IncitementSetFormatException(name, n, "factors must be an array");
    }
    List<String> factors = new ArrayList<>();
    for (JsonNode x : f) {
      if (!x.isTextual() || !FACTORS.contains(x.asText())) {
        throw new IncitementSetFormatException(
            name, n, "factors must be among " + FACTORS + " [got " + x + "]");
      }
      factors.add(x.asText());
    }
    return new Label(
        text(o, "id", name, n), label, List.copyOf(factors), text(o, "reason", name, n));
  }

  private static String text(JsonNode o, String field, String name, int n) {
    JsonNode v = o.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new IncitementSetFormatException(name, n, "missing or empty string field " + field);
    }
    return v.asText();
  }
}
