package org.tocsin.nlp.classifier;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The hate / offensive / normal classifier trained in {@code models}: TF-IDF over hashed word and
 * character n-grams ({@link TfidfVectorizer}) into DL4J networks with a softmax over the three
 * labels; an ensemble's probabilities are averaged, with the manifest's network weights.
 *
 * <p>Loading checks the manifest's format and version, the SHA-256 of every file and that the
 * network fits the features and labels; any mismatch is a {@link ModelFormatException} naming the
 * file. Thread-safe. A network of the shapes {@code models} trains (one ReLU dense layer and a
 * softmax output, or a softmax output alone) runs as a {@link SparseMlp} on the sparse features,
 * with the DL4J weights, in the calling thread; any other network runs through DL4J, serialised (a
 * DL4J network is not safe for concurrent use), in batches of at most {@link #MAX_BATCH} dense
 * rows.
 */
public final class HateClassifier implements AbuseClassifier {

  /** The labels an artifact must have, in any order. */
  public static final List<String> LABELS = List.of("hate", "offensive", "normal");

  /** Rows per forward pass; a row is {@code 4 * 2^hashBits} bytes of dense input. */
  public static final int MAX_BATCH = 32;

  private final ArtifactManifest manifest;
  private final TfidfVectorizer vectorizer;
  private final List<MultiLayerNetwork> networks;
  private final int[] column; // index of hate, offensive, normal in the network's output
  private final SparseMlp sparse; // null unless every network has the sparse shape
  private final double[] weights; // of each network in the average
  private final double[] factors; // exp(class log offset) per network output
  private final Object lock = new Object();

  private HateClassifier(
      ArtifactManifest manifest, TfidfVectorizer vectorizer, List<MultiLayerNetwork> networks) {
    this.manifest = manifest;
    this.vectorizer = vectorizer;
    this.networks = List.copyOf(networks);
    this.weights = manifest.modelWeights().stream().mapToDouble(Double::doubleValue).toArray();
    this.sparse = SparseMlp.of(networks, weights).orElse(null);
    this.factors = manifest.classLogOffsets().stream().mapToDouble(Math::exp).toArray();
    this.column = new int[LABELS.size()];
    for (int i = 0; i < LABELS.size(); i++) {
      column[i] = manifest.labels().indexOf(LABELS.get(i));
    }
  }

  /**
   * Loads an artifact directory written by {@link ArtifactWriter}.
   *
   * @throws ModelFormatException if a file is missing, altered, of another format version or does
   *     not fit the others; the message names the file
   * @throws IOException if a file cannot be read
   */
  public static HateClassifier load(Path dir) throws IOException {
    return load(ArtifactFiles.directory(dir));
  }

  /**
   * Loads an artifact from the classpath, e.g. {@code tocsin/models/hate-3way-v1} as packaged by
   * the {@code models} jar.
   *
   * @throws ModelFormatException as {@link #load(Path)}
   * @throws IOException if a resource cannot be read
   */
  public static HateClassifier loadResource(ClassLoader loader, String prefix) throws IOException {
    return load(ArtifactFiles.classpath(loader, prefix));
  }

  private static HateClassifier load(ArtifactFiles files) throws IOException {
    String manifestName = files.describe(ArtifactManifest.FILE_NAME);
    ArtifactManifest manifest =
        ArtifactManifest.read(files.read(ArtifactManifest.FILE_NAME), manifestName);
    if (manifest.labels().size() != LABELS.size() || !manifest.labels().containsAll(LABELS)) {
      throw new ModelFormatException(
          "labels must be " + LABELS + " in some order [got " + manifest.labels() + "]",
          manifestName);
    }
    TfidfVectorizer vectorizer = vectorizer(files, manifest);
    int dim = manifest.features().dimension();
    List<MultiLayerNetwork> networks = new ArrayList<>();
    for (ArtifactManifest.FileRef ref : manifest.modelFiles()) {
      networks.add(restore(files, ref, dim, LABELS.size()));
    }
    return new HateClassifier(manifest, vectorizer, networks);
  }

  /** The artifact's feature extractor, its IDF file checked against the manifest. */
  static TfidfVectorizer vectorizer(ArtifactFiles files, ArtifactManifest manifest)
      throws IOException {
    byte[] idfBytes = files.readVerified(manifest.idfFile());
    int dim = manifest.features().dimension();
    if (idfBytes.length != 4L * dim) {
      throw new ModelFormatException(
          "expected "
              + 4L * dim
              + " bytes for 2^"
              + manifest.features().hashBits()
              + " float32 weights [got "
              + idfBytes.length
              + "]",
          files.describe(manifest.idfFile().name()));
    }
    return new TfidfVectorizer(manifest.features(), ArtifactWriter.decodeIdf(idfBytes));
  }

  /** One network of the artifact, checked against its digest and the expected shape. */
  static MultiLayerNetwork restore(
      ArtifactFiles files, ArtifactManifest.FileRef ref, int dim, int outputs) throws IOException {
    String modelName = files.describe(ref.name());
    byte[] modelBytes = files.readVerified(ref);
    MultiLayerNetwork network;
    try {
      network =
          ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(modelBytes), false);
    } catch (IOException | RuntimeException e) {
      throw new ModelFormatException("not a DL4J network (" + e + ")", modelName, e);
    }
    long nIn = network.layerInputSize(0);
    long nOut = network.layerSize(network.getnLayers() - 1);
    if (nIn != dim || nOut != outputs) {
      throw new ModelFormatException(
          "network must map "
              + dim
              + " inputs to "
              + outputs
              + " outputs [got "
              + nIn
              + " -> "
              + nOut
              + "]",
          modelName);
    }
    return network;
  }

  /** The artifact's manifest. */
  public ArtifactManifest manifest() {
    return manifest;
  }

  /**
   * The networks of the ensemble, in manifest order, for training code that builds on them (a DL4J
   * network is not safe for concurrent use: do not run them while this classifier is in use).
   */
  public List<MultiLayerNetwork> networks() {
    return networks;
  }

  /** The feature extractor the network was trained with. */
  public TfidfVectorizer vectorizer() {
    return vectorizer;
  }

  /** Classifies one text. */
  public Prediction predict(String text) {
    return predictBatch(List.of(text)).get(0);
  }

  /** Classifies texts, in order; faster per text than one call each. */
  public List<Prediction> predictBatch(List<String> texts) {
    List<List<String>> tokens = new ArrayList<>(texts.size());
    for (String text : texts) {
      tokens.add(TfidfVectorizer.tokens(Objects.requireNonNull(text, "text")));
    }
    return predictTokens(tokens);
  }

  /** Classifies normalised token lists, as {@link TfidfVectorizer#tokens} gives them. */
  public List<Prediction> predictTokens(List<List<String>> tokens) {
    List<SparseVector> rows = new ArrayList<>(tokens.size());
    for (List<String> t : tokens) {
      rows.add(vectorizer.vectorize(t));
    }
    if (sparse != null) {
      List<Prediction> out = new ArrayList<>(rows.size());
      for (SparseVector row : rows) {
        out.add(predictSparse(row));
      }
      return out;
    }
    return predictDense(rows);
  }

  /**
   * Classifies a text tokenised once for several classifiers; equal to {@link #predict(String)}.
   */
  @Override
  public Prediction predict(TextFeatures features) {
    Prediction known = features.predictionBy(this);
    if (known != null) {
      return known;
    }
    SparseVector row = features.vector(vectorizer);
    Prediction p = sparse == null ? predictDense(List.of(row)).get(0) : predictSparse(row);
    features.rememberPrediction(this, p);
    return p;
  }

  private Prediction predictSparse(SparseVector row) {
    double[] p = new double[LABELS.size()];
    sparse.addProbabilities(row, p);
    return decide(p);
  }

  /**
   * {@code p(hate) + p(offensive)} of the text without its word {@code i}, for each of its first
   * {@code n} words. On the sparse networks this is incremental (see {@link OcclusionExplainer}):
   * the first layer's sums over each feature block are taken once and each word only changes the
   * rows of the buckets its removal changes; otherwise each shortened text is classified afresh.
   */
  double[] abusiveWithoutEach(TextFeatures features, int n) {
    List<String> words = features.words();
    double[] out = new double[n];
    if (sparse == null) {
      List<List<String>> variants = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        List<String> shorter = new ArrayList<>(words);
        shorter.remove(i);
        variants.add(shorter);
      }
      List<Prediction> p = predictTokens(variants);
      for (int i = 0; i < n; i++) {
        out[i] = p.get(i).abusive();
      }
      return out;
    }
    TfidfVectorizer.Block wordBlock = vectorizer.wordBlock(words);
    TfidfVectorizer.Block charBlock = vectorizer.charBlock(words);
    double[] wordSums = sparse.blockSums(wordBlock);
    double[] charSums = sparse.blockSums(charBlock);
    NgramHasher hasher = vectorizer.hasher();
    int[] none = new int[0];
    double unchanged = Double.NaN;
    for (int i = 0; i < n; i++) {
      TfidfVectorizer.Change word =
          wordBlock.without(
              hasher.wordBucketsContaining(words, i), hasher.wordBucketsBridging(words, i));
      TfidfVectorizer.Change chars = charBlock.without(hasher.charBuckets(words.get(i)), none);
      if (word.none() && chars.none()) {
        // no weighted n-gram changes: the shortened text has the very same vector
        if (Double.isNaN(unchanged)) {
          unchanged = predict(features).abusive();
        }
        out[i] = unchanged;
        continue;
      }
      double[] p = new double[LABELS.size()];
      sparse.addProbabilitiesChanged(wordSums, word, charSums, chars, p);
      out[i] = decide(p).abusive();
    }
    return out;
  }

  /** Applies the class log offsets to averaged probabilities (in network order), renormalised. */
  private Prediction decide(double[] p) {
    double sum = 0;
    for (int k = 0; k < p.length; k++) {
      p[k] *= factors[k];
      sum += p[k];
    }
    return new Prediction(p[column[0]] / sum, p[column[1]] / sum, p[column[2]] / sum);
  }

  /** The DL4J forward pass on dense rows; the reference the sparse path is tested against. */
  List<Prediction> predictDense(List<SparseVector> rows) {
    List<Prediction> out = new ArrayList<>(rows.size());
    for (int from = 0; from < rows.size(); from += MAX_BATCH) {
      List<SparseVector> chunk = rows.subList(from, Math.min(rows.size(), from + MAX_BATCH));
      INDArray x = toMatrix(chunk, vectorizer.config().dimension());
      INDArray p = null;
      synchronized (lock) {
        for (int n = 0; n < networks.size(); n++) {
          INDArray q = networks.get(n).output(x, false).muli(weights[n]);
          if (p == null) {
            p = q;
          } else {
            p.addi(q);
            q.close();
          }
        }
      }
      for (int r = 0; r < chunk.size(); r++) {
        out.add(decide(p.getRow(r).toDoubleVector()));
      }
      x.close();
      p.close();
    }
    return out;
  }

  /**
   * Explains a classification by occlusion; see {@link OcclusionExplainer}.
   *
   * @param text the text
   * @param topK at most this many tokens are returned
   */
  public Explained explain(String text, int topK) {
    return OcclusionExplainer.explain(
        this, TextFeatures.of(Objects.requireNonNull(text, "text")), topK);
  }

  /** As {@link #explain(String, int)}, on a text tokenised once for several classifiers. */
  @Override
  public Explained explain(TextFeatures features, int topK) {
    return OcclusionExplainer.explain(this, features, topK);
  }

  /** False: occlusion re-classifies the text once per word (incrementally, but still). */
  @Override
  public boolean explainsCheaply() {
    return false;
  }

  @Override
  public String description() {
    return "the DL4J classifier " + manifest.name() + " v" + manifest.version();
  }

  @Override
  public String explanationNote(Explained e) {
    return String.format(
        java.util.Locale.ROOT,
        "explanation tokens: drop in p(hate)+p(offensive) when the word is removed (%d words"
            + " tried)",
        e.occludedTokens());
  }

  /** {@code 2}: hate-3way v1's composition, n-gram MLPs explained by occlusion. */
  @Override
  public String scorerVersion() {
    return "2";
  }

  /** A dense float matrix with one row per sparse vector, as the network reads it. */
  public static INDArray toMatrix(List<SparseVector> rows, int dimension) {
    float[] dense = new float[Math.multiplyExact(rows.size(), dimension)];
    for (int r = 0; r < rows.size(); r++) {
      rows.get(r).scatter(dense, r, dimension);
    }
    return Nd4j.create(dense, new long[] {rows.size(), dimension}, 'c');
  }
}
