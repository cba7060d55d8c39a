package org.tocsin.evidence.export;

import java.util.List;

/**
 * What Tocsin derived from one capture, handed to the exporter as JSON text; the exporter checks
 * that each element is one JSON object and writes it on one line, next to the capture's seq.
 *
 * @param posts the posts parsed from the capture, one {@code Post} JSON object each (the lines of
 *     the parser's Post JSONL output)
 * @param scores the reproducibility records of the scores of those posts, one JSON object each,
 *     with at least {@code model} and {@code version} (and, to be reproducible, {@code parameters}:
 *     thresholds, preprocessing, the artifact's SHA-256) beside the score itself
 */
public record DerivedData(List<String> posts, List<String> scores) {

  /** No derived data. */
  public static final DerivedData NONE = new DerivedData(List.of(), List.of());

  /** Copies the lists. */
  public DerivedData {
    posts = List.copyOf(posts);
    scores = List.copyOf(scores);
  }
}
