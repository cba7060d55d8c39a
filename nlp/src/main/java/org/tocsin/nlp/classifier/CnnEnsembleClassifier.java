package org.tocsin.nlp.classifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tocsin.core.score.TokenWeight;
import org.tocsin.nlp.text.Token;

/**
 * The hate / offensive / normal classifier of two model families: an n-gram artifact's networks
 * ({@link HateClassifier}, e.g. hate-3way-v1's MLPs) and word CNNs ({@link TokenCnn}) over word
 * vectors trained here, their probabilities averaged with the weight chosen on validation, then
 * multiplied by {@code exp} of the manifest's class log offsets (also tuned on validation) and
 * renormalised.
 *
 * <p>The artifact directory holds {@code manifest.json} (format {@value #FORMAT}) and the CNN
 * files; the n-gram member is a sibling artifact named in the manifest and pinned by the SHA-256 of
 * its manifest (so v1's 22 MB are not shipped twice). Every file is checked against its digest.
 *
 * <p>Explanations are cheap: {@link #explain} gives each word its exact gradient × input share of
 * the CNNs' margin between the abusive label predicted and {@code normal} ({@link
 * TokenCnn#attributions}), one forward pass per CNN, no re-classification per word. Thread-safe.
 */
public final class CnnEnsembleClassifier implements AbuseClassifier {

  /** The manifest's format name. */
  public static final String FORMAT = "tocsin-hate-cnn-ensemble";

  /** The manifest's format version this class reads. */
  public static final int FORMAT_VERSION = 1;

  /** Attributions smaller than this are not reported. */
  static final double MIN_WEIGHT = 0.01;

  private final String name;
  private final String version;
  private final HateClassifier ngram;
  private final List<TokenCnn> cnns;
  private final double cnnWeight;
  private final double[] factors; // exp(class log offset), hate, offensive, normal
  private final JsonNode manifest;
  private final boolean sameWords; // every CNN numbers words alike: one look-up per word

  CnnEnsembleClassifier(
      String name,
      String version,
      HateClassifier ngram,
      List<TokenCnn> cnns,
      double cnnWeight,
      double[] offsets,
      JsonNode manifest) {
    this.name = name;
    this.version = version;
    this.ngram = Objects.requireNonNull(ngram, "ngram");
    this.cnns = List.copyOf(cnns);
    this.cnnWeight = cnnWeight;
    this.factors = new double[3];
    for (int k = 0; k < 3; k++) {
      factors[k] = Math.exp(offsets[k]);
    }
    this.manifest = manifest;
    this.sameWords = this.cnns.stream().allMatch(c -> c.sameWords(this.cnns.get(0)));
  }

  /** Where the files come from: a directory, or a classpath prefix. */
  private interface Source {
    byte[] read(String file) throws IOException;

    String describe(String file);

    HateClassifier sibling(String artifact) throws IOException;

    byte[] readSibling(String artifact, String file) throws IOException;
  }

  /**
   * Whether a directory holds an artifact of this format (its {@code manifest.json} names {@value
   * #FORMAT}); false if there is no readable manifest, so that the caller tries the n-gram format.
   */
  public static boolean isEnsemble(Path dir) {
    try {
      JsonNode m = new ObjectMapper().readTree(dir.resolve(ArtifactManifest.FILE_NAME).toFile());
      return FORMAT.equals(m.path("format").asText());
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Loads an artifact directory; its n-gram member is looked up next to it.
   *
   * @throws ModelFormatException if a file is missing, altered or does not fit
   * @throws IOException if a file cannot be read
   */
  public static CnnEnsembleClassifier load(Path dir) throws IOException {
    Path d = Objects.requireNonNull(dir, "dir").toAbsolutePath();
    return load(
        new Source() {
          @Override
          public byte[] read(String file) throws IOException {
            try {
              return Files.readAllBytes(d.resolve(file));
            } catch (NoSuchFileException e) {
              throw new ModelFormatException("file missing from the artifact", describe(file), e);
            }
          }

          @Override
          public String describe(String file) {
            return d.resolve(file).toString();
          }

          @Override
          public HateClassifier sibling(String artifact) throws IOException {
            return HateClassifier.load(d.resolveSibling(artifact));
          }

          @Override
          public byte[] readSibling(String artifact, String file) throws IOException {
            try {
              return Files.readAllBytes(d.resolveSibling(artifact).resolve(file));
            } catch (NoSuchFileException e) {
              throw new ModelFormatException(
                  "the n-gram artifact is missing", d.resolveSibling(artifact).toString(), e);
            }
          }
        });
  }

  /**
   * Loads an artifact from the classpath, e.g. {@code tocsin/models/hate-3way-v2}; its n-gram
   * member is the sibling prefix named in the manifest.
   */
  public static CnnEnsembleClassifier loadResource(ClassLoader loader, String prefix)
      throws IOException {
    Objects.requireNonNull(loader, "loader");
    String base = prefix.endsWith("/") ? prefix : prefix + "/";
    String trimmed = base.substring(0, base.length() - 1);
    String parent = trimmed.contains("/") ? trimmed.substring(0, trimmed.lastIndexOf('/') + 1) : "";
    return load(
        new Source() {
          @Override
          public byte[] read(String file) throws IOException {
            return resource(base + file);
          }

          @Override
          public String describe(String file) {
            return "classpath:" + base + file;
          }

          @Override
          public HateClassifier sibling(String artifact) throws IOException {
            return HateClassifier.loadResource(loader, parent + artifact);
          }

          @Override
          public byte[] readSibling(String artifact, String file) throws IOException {
            return resource(parent + artifact + "/" + file);
          }

          private byte[] resource(String path) throws IOException {
            try (InputStream in = loader.getResourceAsStream(path)) {
              if (in == null) {
                throw new ModelFormatException(
                    "resource missing from the classpath", "classpath:" + path);
              }
              return in.readAllBytes();
            }
          }
        });
  }

  private static CnnEnsembleClassifier load(Source src) throws IOException {
    String manifestName = src.describe(ArtifactManifest.FILE_NAME);
    JsonNode m;
    try {
      m = new ObjectMapper().readTree(src.read(ArtifactManifest.FILE_NAME));
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new ModelFormatException("not JSON (" + e.getOriginalMessage() + ")", manifestName, e);
    }
    if (!FORMAT.equals(m.path("format").asText())
        || m.path("formatVersion").asInt() != FORMAT_VERSION) {
      throw new ModelFormatException(
          "expected format "
              + FORMAT
              + " version "
              + FORMAT_VERSION
              + " [got "
              + m.path("format").asText()
              + " version "
              + m.path("formatVersion").asText()
              + "]",
          manifestName);
    }
    List<String> labels = new ArrayList<>();
    m.path("labels").forEach(l -> labels.add(l.asText()));
    if (!labels.equals(HateClassifier.LABELS)) {
      throw new ModelFormatException(
          "labels must be " + HateClassifier.LABELS + " [got " + labels + "]", manifestName);
    }
    JsonNode ng = m.path("ngram");
    String artifact = ng.path("artifact").asText();
    if (!artifact.matches("[a-z0-9][a-z0-9.-]{0,63}")) {
      throw new ModelFormatException(
          "ngram.artifact must be a sibling artifact name [got '" + artifact + "']", manifestName);
    }
    byte[] siblingManifest = src.readSibling(artifact, ArtifactManifest.FILE_NAME);
    String sha = ArtifactFiles.sha256(siblingManifest);
    if (!sha.equalsIgnoreCase(ng.path("manifestSha256").asText())) {
      throw new ModelFormatException(
          "the n-gram artifact "
              + artifact
              + " is not the one this ensemble was tuned with (manifest SHA-256 "
              + sha
              + ", expected "
              + ng.path("manifestSha256").asText()
              + ")",
          manifestName);
    }
    HateClassifier ngram = src.sibling(artifact);
    double cnnWeight = m.path("cnn").path("weight").asDouble(Double.NaN);
    if (!(cnnWeight >= 0 && cnnWeight <= 1)) {
      throw new ModelFormatException(
          "cnn.weight must be in [0, 1] [got " + m.path("cnn").path("weight") + "]", manifestName);
    }
    List<TokenCnn> cnns = new ArrayList<>();
    for (JsonNode f : m.path("cnn").path("files")) {
      String file = f.path("name").asText();
      if (!file.matches("[A-Za-z0-9._-]{1,64}") || file.startsWith(".")) {
        throw new ModelFormatException("bad CNN file name [got '" + file + "']", manifestName);
      }
      byte[] bytes = src.read(file);
      String actual = ArtifactFiles.sha256(bytes);
      if (!actual.equalsIgnoreCase(f.path("sha256").asText())) {
        throw new ModelFormatException(
            "SHA-256 differs from the manifest, the file is truncated or altered (expected "
                + f.path("sha256").asText()
                + ", got "
                + actual
                + ")",
            src.describe(file));
      }
      TokenCnn cnn = TokenCnn.fromBytes(bytes, src.describe(file));
      if (cnn.labels() != HateClassifier.LABELS.size()) {
        throw new ModelFormatException(
            "CNN must have 3 outputs [got " + cnn.labels() + "]", src.describe(file));
      }
      cnns.add(cnn);
    }
    if (cnns.isEmpty() && cnnWeight > 0) {
      throw new ModelFormatException("cnn.weight > 0 but no cnn.files", manifestName);
    }
    double[] offsets = new double[3];
    JsonNode off = m.path("classLogOffsets");
    if (!off.isMissingNode()) {
      if (!off.isArray() || off.size() != 3) {
        throw new ModelFormatException(
            "classLogOffsets must be 3 numbers (hate, offensive, normal) [got " + off + "]",
            manifestName);
      }
      for (int k = 0; k < 3; k++) {
        offsets[k] = off.get(k).asDouble(Double.NaN);
        if (!(Math.abs(offsets[k]) <= 10)) {
          throw new ModelFormatException(
              "classLogOffsets must be in [-10, 10] [got " + off + "]", manifestName);
        }
      }
    }
    return new CnnEnsembleClassifier(
        m.path("name").asText(), m.path("version").asText(), ngram, cnns, cnnWeight, offsets, m);
  }

  /** The model name, e.g. {@code hate-3way}. */
  public String name() {
    return name;
  }

  /** The model version, e.g. {@code 2}. */
  public String version() {
    return version;
  }

  /** The manifest (training record and metrics included). */
  public JsonNode manifest() {
    return manifest.deepCopy();
  }

  /** The n-gram member. */
  public HateClassifier ngram() {
    return ngram;
  }

  /** The CNN members, in the manifest's order. */
  public List<TokenCnn> cnns() {
    return cnns;
  }

  /** The weight of the CNNs' average in the mix (the n-gram member has the rest). */
  public double cnnWeight() {
    return cnnWeight;
  }

  /** Classifies one text. */
  public Prediction predict(String text) {
    return predictTokens(List.of(TfidfVectorizer.tokens(Objects.requireNonNull(text, "text"))))
        .get(0);
  }

  /**
   * Classifies a text tokenised once for several classifiers; equal to {@link #predict(String)}.
   */
  @Override
  public Prediction predict(TextFeatures features) {
    return mix(ngram.predict(features), cnnProbabilities(features.words()));
  }

  /** True: the explanation is one gradient pass per CNN. */
  @Override
  public boolean explainsCheaply() {
    return true;
  }

  @Override
  public String description() {
    return String.format(
        java.util.Locale.ROOT,
        "%s v%s: the DL4J n-gram classifier %s v%s (weight %.2f) averaged with word CNNs (weight"
            + " %.2f) (HateXplain, English)",
        name,
        version,
        ngram.manifest().name(),
        ngram.manifest().version(),
        1 - cnnWeight,
        cnnWeight);
  }

  @Override
  public String explanationNote(Explained e) {
    boolean hate = e.prediction().hate() >= e.prediction().offensive();
    int words = e.occludedTokens();
    if (words >= 0 && words <= TokenCnn.MAX_TOKENS) {
      return (hate ? HATE_NOTES : OFFENSIVE_NOTES)[words]; // every post has one: made once
    }
    return note(hate ? "hate" : "offensive", words);
  }

  private static final String[] HATE_NOTES = notes("hate");
  private static final String[] OFFENSIVE_NOTES = notes("offensive");

  private static String[] notes(String label) {
    String[] out = new String[TokenCnn.MAX_TOKENS + 1];
    for (int i = 0; i < out.length; i++) {
      out[i] = note(label, i);
    }
    return out;
  }

  private static String note(String label, int words) {
    return "explanation tokens: each word's share of the CNNs' "
        + label
        + "-versus-normal logit margin (gradient x input, "
        + words
        + " words read)";
  }

  /** {@code 3}: hate-3way v2's composition, n-gram MLPs with word CNNs. */
  @Override
  public String scorerVersion() {
    return "3";
  }

  /** Classifies texts, in order. */
  public List<Prediction> predictBatch(List<String> texts) {
    List<List<String>> tokens = new ArrayList<>(texts.size());
    for (String text : texts) {
      tokens.add(TfidfVectorizer.tokens(Objects.requireNonNull(text, "text")));
    }
    return predictTokens(tokens);
  }

  /** Classifies normalised token lists, as {@link TfidfVectorizer#tokens} gives them. */
  public List<Prediction> predictTokens(List<List<String>> tokens) {
    List<Prediction> base = ngram.predictTokens(tokens);
    List<Prediction> out = new ArrayList<>(base.size());
    for (int i = 0; i < base.size(); i++) {
      out.add(mix(base.get(i), cnnProbabilities(tokens.get(i))));
    }
    return out;
  }

  private double[] cnnProbabilities(List<String> tokens) {
    double[] p = new double[3];
    for (TokenCnn c : cnns) {
      double[] q = c.probabilities(tokens);
      for (int k = 0; k < 3; k++) {
        p[k] += q[k] / cnns.size();
      }
    }
    return p;
  }

  private Prediction mix(Prediction b, double[] c) {
    double w = cnns.isEmpty() ? 0 : cnnWeight;
    double h = ((1 - w) * b.hate() + w * c[0]) * factors[0];
    double o = ((1 - w) * b.offensive() + w * c[1]) * factors[1];
    double n = ((1 - w) * b.normal() + w * c[2]) * factors[2];
    double sum = h + o + n;
    return new Prediction(h / sum, o / sum, n / sum);
  }

  /**
   * Classifies a text and names the words that drove it: each word's gradient × input share of the
   * CNNs' logit margin between the more likely abusive label (hate or offensive) and normal,
   * averaged over the CNNs; words pushing towards abusive, strongest first (a word occurring twice
   * is listed once, with its larger share).
   *
   * @param topK at most this many tokens are returned
   */
  public Explained explain(String text, int topK) {
    return explain(TextFeatures.of(Objects.requireNonNull(text, "text")), topK);
  }

  /** As {@link #explain(String, int)}, on a text tokenised once for several classifiers. */
  @Override
  public Explained explain(TextFeatures features, int topK) {
    Objects.requireNonNull(features, "features");
    if (topK < 0) {
      throw new IllegalArgumentException("topK must be >= 0 [got " + topK + "]");
    }
    String text = features.text();
    List<Token> tokens = features.tokens();
    List<String> words = features.words();
    // One pass per CNN gives its probabilities and both abusive-versus-normal margins' shares.
    int n = Math.min(words.size(), TokenCnn.MAX_TOKENS);
    double[] cnnP = new double[3];
    double[][] shares = new double[3][n];
    double[] q = new double[3];
    double[][] margins = new double[3][];
    int[] ids = sameWords && !cnns.isEmpty() ? cnns.get(0).ids(words) : null;
    for (TokenCnn c : cnns) {
      if (ids != null) {
        c.explain(words, ids, 2, q, margins);
      } else {
        c.explain(words, 2, q, margins);
      }
      for (int k = 0; k < 3; k++) {
        cnnP[k] += q[k] / cnns.size();
        for (int i = 0; i < n; i++) {
          shares[k][i] += margins[k][i] / cnns.size();
        }
      }
    }
    Prediction p = mix(ngram.predict(features), cnnP);
    double[] share = shares[p.hate() >= p.offensive() ? 0 : 1];
    Map<String, TokenWeight> best = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      if (share[i] < MIN_WEIGHT) {
        continue;
      }
      Token t = tokens.get(i);
      String surface = t.end() <= text.length() ? text.substring(t.start(), t.end()) : t.text();
      TokenWeight old = best.get(t.text());
      if (old == null || old.weight() < share[i]) {
        best.put(t.text(), new TokenWeight(surface, share[i]));
      }
    }
    List<TokenWeight> top = new ArrayList<>(best.values());
    top.sort(Comparator.comparingDouble(TokenWeight::weight).reversed());
    return new Explained(p, top.subList(0, Math.min(topK, top.size())), n);
  }
}
