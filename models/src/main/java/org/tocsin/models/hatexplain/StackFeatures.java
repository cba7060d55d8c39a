package org.tocsin.models.hatexplain;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Post;
import org.tocsin.core.score.LexiconHit;
import org.tocsin.core.score.Score;
import org.tocsin.core.score.TargetScore;
import org.tocsin.nlp.baseline.LexiconCategory;
import org.tocsin.nlp.baseline.LexiconScorer;
import org.tocsin.nlp.classifier.CnnEnsembleClassifier;
import org.tocsin.nlp.classifier.HateClassifier;
import org.tocsin.nlp.classifier.SparseVector;
import org.tocsin.nlp.classifier.TargetClassifier;
import org.tocsin.nlp.classifier.TokenCnn;

/**
 * What a stacking meta-model may read of one HateXplain post: the class probabilities of each of
 * hate-3way v2's members (v1's three n-gram MLPs, v2's three word CNNs), v1's and the CNNs'
 * averages (the two sides v2 mixes), targets-v1's group probabilities and counts of the lexicon's
 * hits by category plus its hate / offensive / dehumanisation scores.
 *
 * @param mlp {@code mlp[m][k]}: MLP member m's probability of class k (hate, offensive, normal),
 *     before v1's class offsets
 * @param cnn {@code cnn[m][k]}: CNN member m's probability of class k
 * @param v1 the n-gram artifact's prediction (the MLPs averaged, its offsets applied), as v2 mixes
 *     it
 * @param cnnMean the CNNs' mean probabilities, as v2 mixes them
 * @param targets targets-v1's probability of each group
 * @param lexicon per {@link LexiconCategory} the number of hits, then the lexicon's hate, offensive
 *     and dehumanisation scores and its largest target confidence
 */
record StackFeatures(
    double[][] mlp,
    double[][] cnn,
    double[] v1,
    double[] cnnMean,
    double[] targets,
    double[] lexicon) {

  /**
   * Reads the members of a v2-format artifact and the other two models once, to featurise posts.
   */
  static final class Extractor {
    private final HateClassifier ngram;
    private final List<TokenCnn> cnns;
    private final TargetClassifier targets;
    private final LexiconScorer lexicon;

    Extractor(Path v2Dir, TargetClassifier targets, LexiconScorer lexicon) throws IOException {
      CnnEnsembleClassifier v2 = CnnEnsembleClassifier.load(v2Dir);
      this.ngram = v2.ngram();
      this.cnns = v2.cnns();
      this.targets = targets;
      this.lexicon = lexicon;
    }

    /** Featurises posts, in order. */
    List<StackFeatures> features(List<HateXplainData.Post> posts) {
      List<List<String>> tokens = posts.stream().map(HateXplainData.Post::tokens).toList();
      double[][][] mlp = mlpMembers(tokens);
      double[][] v1 = TrainHateCnn.probs(ngram, tokens);
      List<StackFeatures> out = new ArrayList<>(posts.size());
      for (int i = 0; i < posts.size(); i++) {
        HateXplainData.Post p = posts.get(i);
        double[][] c = new double[cnns.size()][];
        double[] mean = new double[3];
        for (int m = 0; m < cnns.size(); m++) {
          c[m] = cnns.get(m).probabilities(p.tokens());
          for (int k = 0; k < 3; k++) {
            mean[k] += c[m][k] / cnns.size();
          }
        }
        out.add(
            new StackFeatures(
                mlp[i],
                c,
                v1[i],
                mean,
                targets.probabilitiesOfTokens(p.tokens()),
                lexiconFeatures(p)));
      }
      return out;
    }

    /** Each MLP's own probabilities (DL4J's dense pass, in the artifact's label order). */
    private double[][][] mlpMembers(List<List<String>> tokens) {
      List<MultiLayerNetwork> nets = ngram.networks();
      int[] column = new int[3];
      for (int k = 0; k < 3; k++) {
        column[k] = ngram.manifest().labels().indexOf(HateClassifier.LABELS.get(k));
      }
      int dim = ngram.vectorizer().config().dimension();
      double[][][] out = new double[tokens.size()][nets.size()][3];
      for (int from = 0; from < tokens.size(); from += HateClassifier.MAX_BATCH) {
        int to = Math.min(tokens.size(), from + HateClassifier.MAX_BATCH);
        List<SparseVector> rows = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
          rows.add(ngram.vectorizer().vectorize(tokens.get(i)));
        }
        INDArray x = HateClassifier.toMatrix(rows, dim);
        for (int m = 0; m < nets.size(); m++) {
          INDArray q = nets.get(m).output(x, false);
          for (int i = from; i < to; i++) {
            for (int k = 0; k < 3; k++) {
              out[i][m][k] = q.getDouble(i - from, column[k]);
            }
          }
        }
      }
      return out;
    }

    private double[] lexiconFeatures(HateXplainData.Post p) {
      Score s =
          lexicon.score(
              Post.ofText(
                  "hatexplain",
                  p.id(),
                  new Author("hatexplain", "hatexplain", null, null, null),
                  Instant.EPOCH,
                  p.text(),
                  "en"));
      LexiconCategory[] cats = LexiconCategory.values();
      double[] f = new double[cats.length + 4];
      for (LexiconHit h : s.explanation().lexicon()) {
        f[LexiconCategory.fromJsonName(h.category()).ordinal()]++;
      }
      f[cats.length] = s.hate();
      f[cats.length + 1] = s.offensive();
      f[cats.length + 2] = s.dehumanization();
      for (TargetScore t : s.targets()) {
        f[cats.length + 3] = Math.max(f[cats.length + 3], t.confidence());
      }
      return f;
    }
  }

  /** v2's rule on these features: {@code (1 - w) v1 + w cnnMean}, then the class offsets. */
  double[] v2Rule(double cnnWeight, double[] offsets) {
    double[] p = new double[3];
    double sum = 0;
    for (int k = 0; k < 3; k++) {
      p[k] = ((1 - cnnWeight) * v1[k] + cnnWeight * cnnMean[k]) * Math.exp(offsets[k]);
      sum += p[k];
    }
    for (int k = 0; k < 3; k++) {
      p[k] /= sum;
    }
    return p;
  }
}
