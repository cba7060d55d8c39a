package org.tocsin.nlp.bands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The incitement band table: which {@code incitement} score a post needs to be in band "elevated"
 * or "high", and what those bands were measured to mean (precision and recall on the incitement
 * set's test half, with bootstrap intervals), for one scorer version.
 *
 * <p>The table is written by one calibration run ({@code tocsin calibrate-incitement --out FILE},
 * thresholds chosen on the set's dev half only) and shipped as {@link #RESOURCE}. Re-run it
 * whenever the scorer's incitement changes: the thresholds belong to the scorer version in {@link
 * #scorer()}. Bands are ordered by threshold, the first ("low") starting at 0; a score belongs to
 * the last band whose threshold it reaches. Immutable and thread-safe.
 *
 * @param format always {@link #FORMAT}
 * @param scorer the scorer name and version the thresholds were calibrated for
 * @param calibratedOn the date of the calibration run (ISO, e.g. 2026-12-07)
 * @param set the labelled set the calibration read
 * @param method how the thresholds were chosen, in one sentence
 * @param bands the bands, lowest threshold first
 */
public record IncitementBands(
    String format,
    String scorer,
    String calibratedOn,
    String set,
    String method,
    List<Band> bands) {

  /** The format tag the file carries. */
  public static final String FORMAT = "tocsin-incitement-bands-v1";

  /** The classpath resource of the shipped table. */
  public static final String RESOURCE = "org/tocsin/nlp/bands/incitement-bands-v1.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Precision and recall of {@code incitement >= threshold} on one half of the set.
   *
   * @param precision TP / (TP + FP)
   * @param precisionInterval 95 % bootstrap interval {low, high}, or null when not resampled
   * @param recall TP / (TP + FN)
   * @param recallInterval 95 % bootstrap interval {low, high}, or null when not resampled
   * @param truePositives flagged posts labelled incitement
   * @param falsePositives flagged posts labelled otherwise
   * @param falseNegatives posts labelled incitement not flagged
   */
  public record Measured(
      double precision,
      double[] precisionInterval,
      double recall,
      double[] recallInterval,
      int truePositives,
      int falsePositives,
      int falseNegatives) {}

  /**
   * One band.
   *
   * @param name the band's name ({@code low}, {@code elevated}, {@code high})
   * @param threshold the least incitement score in the band, in [0, 1]
   * @param devPrecisionTarget the dev precision the threshold was chosen to reach, or null (low)
   * @param dev the band's numbers on the dev half (where it was chosen), or null (low)
   * @param test the band's numbers on the test half (read once, after choosing), or null (low)
   */
  public record Band(
      String name, double threshold, Double devPrecisionTarget, Measured dev, Measured test) {
    /** Checks the name and the threshold. */
    public Band {
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("a band needs a name");
      }
      if (!(threshold >= 0 && threshold <= 1)) {
        throw new IllegalArgumentException(
            "band " + name + ": threshold must lie in [0, 1] [got " + threshold + "]");
      }
    }
  }

  /** Checks the format, that there are bands, the first at 0, and that thresholds increase. */
  public IncitementBands {
    if (!FORMAT.equals(format)) {
      throw new IllegalArgumentException(
          "not an incitement band table: format must be " + FORMAT + " [got " + format + "]");
    }
    Objects.requireNonNull(scorer, "scorer");
    bands = List.copyOf(bands);
    if (bands.isEmpty() || bands.get(0).threshold() != 0) {
      throw new IllegalArgumentException("the first band must start at threshold 0");
    }
    for (int i = 1; i < bands.size(); i++) {
      if (bands.get(i).threshold() < bands.get(i - 1).threshold()) {
        throw new IllegalArgumentException(
            "band thresholds must not decrease ["
                + bands.get(i).name()
                + " is below the previous]");
      }
      for (int j = 0; j < i; j++) {
        if (bands.get(j).name().equals(bands.get(i).name())) {
          throw new IllegalArgumentException("band " + bands.get(i).name() + " appears twice");
        }
      }
    }
  }

  /** The shipped table, read once per class loader (see {@link #loadDefault()}). */
  public static IncitementBands shipped() {
    return Shipped.TABLE;
  }

  private static final class Shipped {
    static final IncitementBands TABLE = loadDefault();
  }

  /** Reads the shipped table ({@link #RESOURCE}) afresh. */
  public static IncitementBands loadDefault() {
    try (InputStream in = IncitementBands.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "the band table is missing from the class path: " + RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Reads a table from a file. */
  public static IncitementBands read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  /**
   * Parses a table's JSON.
   *
   * @param where where the text came from, for messages
   * @throws IllegalArgumentException naming what is wrong
   */
  public static IncitementBands parse(String json, String where) {
    try {
      return JSON.readValue(json, IncitementBands.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "not a valid incitement band table (" + where + "): " + e.getOriginalMessage(), e);
    }
  }

  /** The table as JSON, the format {@link #parse} reads. */
  public String toJson() {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the band table", e);
    }
  }

  /** The table as a JSON tree (for the API). */
  public JsonNode toNode() {
    return JSON.valueToTree(this);
  }

  /** The band names, lowest first. */
  public List<String> names() {
    return bands.stream().map(Band::name).collect(Collectors.toList());
  }

  /**
   * The band of that name.
   *
   * @throws IllegalArgumentException naming the known bands if there is none
   */
  public Band band(String name) {
    for (Band b : bands) {
      if (b.name().equals(name)) {
        return b;
      }
    }
    throw new IllegalArgumentException(
        "unknown incitement band [got " + name + "]; known: " + String.join(", ", names()));
  }

  /** The least incitement score of the named band; see {@link #band(String)}. */
  public double threshold(String name) {
    return band(name).threshold();
  }

  /** The band an incitement score falls in: the last one whose threshold it reaches. */
  public Band bandOf(double incitement) {
    Band out = bands.get(0);
    for (Band b : bands) {
      if (incitement >= b.threshold()) {
        out = b;
      }
    }
    return out;
  }

  /** The bands above the first, the ones a rule can ask for (e.g. elevated, high). */
  public List<String> alertable() {
    List<String> out = new ArrayList<>(names());
    out.remove(0);
    return out;
  }
}
