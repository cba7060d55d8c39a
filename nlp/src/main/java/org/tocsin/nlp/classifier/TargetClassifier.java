package org.tocsin.nlp.classifier;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.tocsin.core.score.Ground;
import org.tocsin.core.score.TargetScore;

/**
 * The multi-label target-group classifier trained in {@code models}: the same TF-IDF features as
 * {@link HateClassifier} into one DL4J sigmoid output layer, one output per group. Each label of
 * the artifact is {@code group/ground} (e.g. {@code muslim/religious}), so the artifact says on
 * which legal ground each group is protected.
 *
 * <p>Each group's decision threshold, chosen on validation in training, is folded into its bias: a
 * group is named when its output reaches {@link #THRESHOLD}, and that output is the confidence.
 * Loading checks the manifest, every file's SHA-256, the network's shape and every label. Immutable
 * and thread-safe (the forward pass runs on the sparse features, in the calling thread).
 */
public final class TargetClassifier {

  /** A group is named when its output reaches this. */
  public static final double THRESHOLD = 0.5;

  /** A group whose validation F1 is below this is never named. */
  public static final double MIN_VALIDATION_F1 = 0.4;

  private final ArtifactManifest manifest;
  private final TfidfVectorizer vectorizer;
  private final List<String> groups;
  private final List<Ground> grounds;
  private final boolean[] reliable;
  private final int outputs;
  private final float[] w; // inputs x outputs, row-major
  private final float[] b;

  private TargetClassifier(
      ArtifactManifest manifest,
      TfidfVectorizer vectorizer,
      List<String> groups,
      List<Ground> grounds,
      MultiLayerNetwork net) {
    this.manifest = manifest;
    this.vectorizer = vectorizer;
    this.groups = List.copyOf(groups);
    this.grounds = List.copyOf(grounds);
    this.outputs = groups.size();
    this.reliable = new boolean[outputs];
    for (int k = 0; k < outputs; k++) {
      var f1 =
          manifest
              .metrics()
              .path("validation")
              .path("perGroup")
              .path(manifest.labels().get(k))
              .path("f1");
      reliable[k] = !f1.isNumber() || f1.asDouble() >= MIN_VALIDATION_F1;
    }
    this.w = net.getLayer(0).getParam("W").dup('c').data().asFloat();
    this.b = net.getLayer(0).getParam("b").dup('c').data().asFloat();
  }

  /**
   * Loads an artifact directory.
   *
   * @throws ModelFormatException if a file is missing, altered or does not fit; the message names
   *     the file
   * @throws IOException if a file cannot be read
   */
  public static TargetClassifier load(Path dir) throws IOException {
    return load(ArtifactFiles.directory(dir));
  }

  /**
   * Loads an artifact from the classpath, e.g. {@code tocsin/models/targets-v1} as packaged by the
   * {@code models} jar.
   *
   * @throws ModelFormatException as {@link #load(Path)}
   * @throws IOException if a resource cannot be read
   */
  public static TargetClassifier loadResource(ClassLoader loader, String prefix)
      throws IOException {
    return load(ArtifactFiles.classpath(loader, prefix));
  }

  private static TargetClassifier load(ArtifactFiles files) throws IOException {
    String manifestName = files.describe(ArtifactManifest.FILE_NAME);
    ArtifactManifest manifest =
        ArtifactManifest.read(files.read(ArtifactManifest.FILE_NAME), manifestName);
    List<String> groups = new ArrayList<>();
    List<Ground> grounds = new ArrayList<>();
    for (String label : manifest.labels()) {
      int slash = label.indexOf('/');
      try {
        if (slash <= 0) {
          throw new IllegalArgumentException("no ground");
        }
        grounds.add(Ground.fromJson(label.substring(slash + 1)));
        groups.add(label.substring(0, slash));
      } catch (IllegalArgumentException e) {
        throw new ModelFormatException(
            "labels must be group/ground with a known ground [got '" + label + "']",
            manifestName,
            e);
      }
    }
    if (manifest.modelFiles().size() != 1) {
      throw new ModelFormatException(
          "a target artifact has one network [got " + manifest.modelFiles().size() + "]",
          manifestName);
    }
    TfidfVectorizer vectorizer = HateClassifier.vectorizer(files, manifest);
    ArtifactManifest.FileRef ref = manifest.modelFiles().get(0);
    MultiLayerNetwork net =
        HateClassifier.restore(files, ref, manifest.features().dimension(), groups.size());
    Layer only = net.getLayer(0).conf().getLayer();
    if (net.getnLayers() != 1
        || !(only instanceof OutputLayer o)
        || !(o.getActivationFn() instanceof ActivationSigmoid)) {
      throw new ModelFormatException(
          "the network must be one sigmoid output layer", files.describe(ref.name()));
    }
    return new TargetClassifier(manifest, vectorizer, groups, grounds, net);
  }

  /** The artifact's manifest. */
  public ArtifactManifest manifest() {
    return manifest;
  }

  /** The group names, in output order. */
  public List<String> groups() {
    return groups;
  }

  /** Each group's output for a text, in {@link #groups()} order. */
  public double[] probabilities(String text) {
    return probabilitiesOfTokens(TfidfVectorizer.tokens(Objects.requireNonNull(text, "text")));
  }

  /** Each group's output for normalised tokens, as {@link TfidfVectorizer#tokens} gives them. */
  public double[] probabilitiesOfTokens(List<String> tokens) {
    return probabilities(vectorizer.vectorize(tokens));
  }

  /** The feature extractor the network was trained with. */
  public TfidfVectorizer vectorizer() {
    return vectorizer;
  }

  private double[] probabilities(SparseVector x) {
    double[] z = new double[outputs];
    for (int k = 0; k < outputs; k++) {
      z[k] = b[k];
    }
    int[] idx = x.indices();
    float[] val = x.values();
    for (int j = 0; j < idx.length; j++) {
      int row = idx[j] * outputs;
      for (int k = 0; k < outputs; k++) {
        z[k] += val[j] * w[row + k];
      }
    }
    for (int k = 0; k < outputs; k++) {
      z[k] = 1 / (1 + Math.exp(-z[k]));
    }
    return z;
  }

  /**
   * The groups it names at all: those with validation F1 of at least {@link #MIN_VALIDATION_F1}.
   */
  public List<String> namedGroups() {
    List<String> out = new ArrayList<>();
    for (int k = 0; k < outputs; k++) {
      if (reliable[k]) {
        out.add(groups.get(k));
      }
    }
    return out;
  }

  /**
   * The groups a text targets (output at least {@link #THRESHOLD}, among {@link #namedGroups()}),
   * strongest first.
   */
  public List<TargetScore> targets(String text) {
    return targets(probabilities(text));
  }

  /**
   * As {@link #targets(String)}, on a text tokenised once for several classifiers (its TF-IDF
   * vector is shared with a {@link HateClassifier} whose features are the same).
   */
  public List<TargetScore> targets(TextFeatures features) {
    return targets(probabilities(features.vector(vectorizer)));
  }

  private List<TargetScore> targets(double[] p) {
    List<TargetScore> out = new ArrayList<>();
    for (int k = 0; k < outputs; k++) {
      if (reliable[k] && p[k] >= THRESHOLD) {
        out.add(new TargetScore(groups.get(k), grounds.get(k), Math.min(0.99, p[k])));
      }
    }
    out.sort((x, y) -> Double.compare(y.confidence(), x.confidence()));
    return out;
  }
}
