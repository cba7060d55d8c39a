package org.tocsin.nlp.classifier;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@value #FILE_NAME} of a text-classifier artifact directory: what the files are, how text is
 * turned into features, the label order of the network's outputs, and (free-form, for people) how
 * it was trained and how well it did.
 *
 * @param name the model name, e.g. {@code hate-3way}
 * @param version the model version
 * @param labels the label of each network output, in order
 * @param features the feature configuration used in training
 * @param modelFiles the DL4J {@code ModelSerializer} zips, with their SHA-256: an ensemble whose
 *     softmax outputs are averaged (one file for a single network)
 * @param modelWeights the weight of each network in the average (they sum to 1); an artifact
 *     without {@code files.modelWeights} weighs its networks equally
 * @param classLogOffsets added to the log of each label's averaged probability before the
 *     probabilities are renormalised (a decision rule tuned on validation); without {@code
 *     decision.classLogOffsets}, zeros
 * @param idfFile the IDF weights (little-endian float32, one per bucket), with its SHA-256
 * @param training how the model was trained: data hash, seeds, hyper-parameters (free-form)
 * @param metrics validation and test metrics (free-form)
 */
public record ArtifactManifest(
    String name,
    String version,
    List<String> labels,
    FeatureConfig features,
    List<FileRef> modelFiles,
    List<Double> modelWeights,
    List<Double> classLogOffsets,
    FileRef idfFile,
    ObjectNode training,
    ObjectNode metrics) {

  /** The manifest's file name inside an artifact directory. */
  public static final String FILE_NAME = "manifest.json";

  /** The value of the manifest's {@code format} key. */
  public static final String FORMAT = "tocsin-text-classifier";

  /** The format version this code writes and reads. */
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * A file of the artifact.
   *
   * @param name its name inside the artifact directory
   * @param sha256 the lower-case hex SHA-256 of its bytes
   */
  public record FileRef(String name, String sha256) {
    /** Checks the fields. */
    public FileRef {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(sha256, "sha256");
      if (name.contains("/") || name.contains("\\") || name.startsWith(".")) {
        throw new IllegalArgumentException("file name must be a plain name [got " + name + "]");
      }
    }
  }

  /** Checks and freezes the fields. */
  public ArtifactManifest {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    labels = List.copyOf(labels);
    Objects.requireNonNull(features, "features");
    modelFiles = List.copyOf(modelFiles);
    if (modelFiles.isEmpty()) {
      throw new IllegalArgumentException("an artifact needs at least one network");
    }
    modelWeights =
        modelWeights == null ? equalWeights(modelFiles.size()) : List.copyOf(modelWeights);
    if (modelWeights.size() != modelFiles.size()) {
      throw new IllegalArgumentException(
          "one weight per network [got " + modelWeights.size() + " for " + modelFiles.size() + "]");
    }
    classLogOffsets =
        classLogOffsets == null
            ? java.util.Collections.nCopies(labels.size(), 0.0)
            : List.copyOf(classLogOffsets);
    if (classLogOffsets.size() != labels.size()) {
      throw new IllegalArgumentException(
          "one class log offset per label [got " + classLogOffsets.size() + "]");
    }
    for (double o : classLogOffsets) {
      if (!(Math.abs(o) <= 10)) {
        throw new IllegalArgumentException("class log offsets lie in [-10, 10] [got " + o + "]");
      }
    }
    double sum = 0;
    for (double w : modelWeights) {
      if (!(w >= 0 && w <= 1)) {
        throw new IllegalArgumentException("network weights lie in [0, 1] [got " + w + "]");
      }
      sum += w;
    }
    if (Math.abs(sum - 1) > 1e-6) {
      throw new IllegalArgumentException("network weights must sum to 1 [got " + sum + "]");
    }
    Objects.requireNonNull(idfFile, "idfFile");
    training = training == null ? MAPPER.createObjectNode() : training.deepCopy();
    metrics = metrics == null ? MAPPER.createObjectNode() : metrics.deepCopy();
  }

  /**
   * A manifest whose networks weigh the same.
   *
   * @see #ArtifactManifest(String, String, List, FeatureConfig, List, List, List, FileRef,
   *     ObjectNode, ObjectNode)
   */
  public ArtifactManifest(
      String name,
      String version,
      List<String> labels,
      FeatureConfig features,
      List<FileRef> modelFiles,
      FileRef idfFile,
      ObjectNode training,
      ObjectNode metrics) {
    this(name, version, labels, features, modelFiles, null, null, idfFile, training, metrics);
  }

  private static List<Double> equalWeights(int n) {
    List<Double> w = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      w.add(1.0 / n);
    }
    return w;
  }

  /** A new empty JSON object, for building the free-form parts. */
  public static ObjectNode newObject() {
    return MAPPER.createObjectNode();
  }

  /** The manifest as pretty-printed UTF-8 JSON. */
  public byte[] toJson() {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("format", FORMAT);
    o.put("formatVersion", FORMAT_VERSION);
    o.put("name", name);
    o.put("version", version);
    labels.forEach(o.putArray("labels")::add);
    ObjectNode f = o.putObject("features");
    f.put("tokenizer", "org.tocsin.nlp.text.WordTokenizer");
    f.put(
        "weighting",
        "sublinear tf * smooth idf (train only); word and char blocks each L2-normalised, summed");
    f.put("hashBits", features.hashBits());
    f.put("wordNgramMax", features.wordNgramMax());
    f.put("charNgramMin", features.charNgramMin());
    f.put("charNgramMax", features.charNgramMax());
    f.put("minDf", features.minDf());
    f.put("hashSeed", features.hashSeed());
    ObjectNode files = o.putObject("files");
    for (FileRef m : modelFiles) {
      files.withArray("models").addObject().put("name", m.name()).put("sha256", m.sha256());
    }
    modelWeights.forEach(files.putArray("modelWeights")::add);
    files.putObject("idf").put("name", idfFile.name()).put("sha256", idfFile.sha256());
    classLogOffsets.forEach(o.putObject("decision").putArray("classLogOffsets")::add);
    o.set("training", training);
    o.set("metrics", metrics);
    try {
      return (MAPPER.writeValueAsString(o) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot write a manifest", e);
    }
  }

  /**
   * Reads a manifest.
   *
   * @param json the bytes of {@value #FILE_NAME}
   * @param resource where they came from, for error messages
   * @throws ModelFormatException if it is not JSON, not this format, of another version, or lacks a
   *     key
   */
  public static ArtifactManifest read(byte[] json, String resource) throws ModelFormatException {
    JsonNode o;
    try {
      o = MAPPER.readTree(json);
    } catch (java.io.IOException e) {
      throw new ModelFormatException("not valid JSON (" + e.getMessage() + ")", resource, e);
    }
    if (o == null || !o.isObject()) {
      throw new ModelFormatException("not a JSON object", resource);
    }
    String format = o.path("format").asText("");
    if (!FORMAT.equals(format)) {
      throw new ModelFormatException(
          "format must be " + FORMAT + " [got '" + format + "']", resource);
    }
    int version = o.path("formatVersion").asInt(-1);
    if (version != FORMAT_VERSION) {
      throw new ModelFormatException(
          "unsupported formatVersion, this reader supports "
              + FORMAT_VERSION
              + " [got "
              + o.path("formatVersion")
              + "]",
          resource);
    }
    try {
      List<String> labels = new ArrayList<>();
      for (JsonNode l : required(o, "labels", resource)) {
        labels.add(l.asText());
      }
      JsonNode f = required(o, "features", resource);
      FeatureConfig features =
          new FeatureConfig(
              required(f, "hashBits", resource).asInt(),
              required(f, "wordNgramMax", resource).asInt(),
              required(f, "charNgramMin", resource).asInt(),
              required(f, "charNgramMax", resource).asInt(),
              required(f, "minDf", resource).asInt(),
              required(f, "hashSeed", resource).asInt());
      JsonNode files = required(o, "files", resource);
      return new ArtifactManifest(
          required(o, "name", resource).asText(),
          required(o, "version", resource).asText(),
          labels,
          features,
          modelRefs(required(files, "models", resource), resource),
          weights(files.get("modelWeights")),
          weights(o.path("decision").get("classLogOffsets")),
          fileRef(required(files, "idf", resource), resource),
          o.get("training") instanceof ObjectNode t ? t : null,
          o.get("metrics") instanceof ObjectNode m ? m : null);
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(e.getMessage(), resource, e);
    }
  }

  private static List<FileRef> modelRefs(JsonNode n, String resource) throws ModelFormatException {
    List<FileRef> refs = new ArrayList<>();
    for (JsonNode m : n) {
      refs.add(fileRef(m, resource));
    }
    return refs;
  }

  private static List<Double> weights(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    List<Double> w = new ArrayList<>();
    for (JsonNode v : n) {
      if (!v.isNumber()) {
        throw new IllegalArgumentException("weights and offsets must be numbers [got " + v + "]");
      }
      w.add(v.asDouble());
    }
    return w;
  }

  private static FileRef fileRef(JsonNode n, String resource) throws ModelFormatException {
    return new FileRef(
        required(n, "name", resource).asText(), required(n, "sha256", resource).asText());
  }

  private static JsonNode required(JsonNode o, String key, String resource)
      throws ModelFormatException {
    JsonNode v = o.get(key);
    if (v == null || v.isNull()) {
      throw new ModelFormatException("missing key '" + key + "'", resource);
    }
    return v;
  }
}
