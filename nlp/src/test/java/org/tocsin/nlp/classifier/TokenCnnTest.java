package org.tocsin.nlp.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link TokenCnn}: the forward pass against a direct computation, attributions, the format. */
class TokenCnnTest {
  static final List<String> VOCAB = List.of("<pad>", "<unk>", "they", "are", "vermin", "nice");
  static final int DIM = 4;
  static final int[] WIDTHS = {1, 2, 2, 3};

  static TokenCnn random(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int rows = Arrays.stream(WIDTHS).sum();
    float[] emb = floats(r, VOCAB.size() * DIM);
    Arrays.fill(emb, 0, DIM, 0f); // padding
    return new TokenCnn(
        VOCAB,
        DIM,
        WIDTHS,
        emb,
        floats(r, rows * DIM),
        floats(r, WIDTHS.length),
        floats(r, WIDTHS.length * 3),
        floats(r, 3));
  }

  static float[] floats(SplittableRandom r, int n) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) (r.nextDouble() * 2 - 1);
    }
    return a;
  }

  /** The textbook forward pass: convolve embeddings, max over positions, ReLU, softmax layer. */
  static double[] direct(
      TokenCnn c, int[] ids, float[] emb, float[] ker, float[] cb, float[] ow, float[] ob) {
    double[] z = new double[3];
    for (int k = 0; k < 3; k++) {
      z[k] = ob[k];
    }
    int row = 0;
    for (int f = 0; f < WIDTHS.length; f++) {
      double best = Double.NEGATIVE_INFINITY;
      for (int p = 0; p + WIDTHS[f] <= ids.length; p++) {
        double s = cb[f];
        for (int j = 0; j < WIDTHS[f]; j++) {
          for (int d = 0; d < DIM; d++) {
            s += emb[ids[p + j] * DIM + d] * ker[(row + j) * DIM + d];
          }
        }
        best = Math.max(best, s);
      }
      double h = Math.max(0, best);
      for (int k = 0; k < 3; k++) {
        z[k] += h * ow[f * 3 + k];
      }
      row += WIDTHS[f];
    }
    return TokenCnn.softmax(z);
  }

  @Test
  void tabulatedForwardPassEqualsTheDirectOne() {
    SplittableRandom r = new SplittableRandom(7);
    int rows = Arrays.stream(WIDTHS).sum();
    float[] emb = floats(r, VOCAB.size() * DIM);
    Arrays.fill(emb, 0, DIM, 0f);
    float[] ker = floats(r, rows * DIM);
    float[] cb = floats(r, WIDTHS.length);
    float[] ow = floats(r, WIDTHS.length * 3);
    float[] ob = floats(r, 3);
    TokenCnn c = new TokenCnn(VOCAB, DIM, WIDTHS, emb, ker, cb, ow, ob);
    for (List<String> post :
        List.of(
            List.of("they", "are", "vermin"),
            List.of("nice"),
            List.of("they", "zzz", "are", "nice", "vermin", "they"))) {
      int[] ids = c.ids(post);
      assertThat(ids.length).isGreaterThanOrEqualTo(3);
      double[] p = c.probabilities(post);
      double[] q = direct(c, ids, emb, ker, cb, ow, ob);
      for (int k = 0; k < 3; k++) {
        assertThat(p[k]).isCloseTo(q[k], within(1e-5));
      }
    }
    assertThat(c.ids(List.of("zzz", "vermin"))).containsExactly(TokenCnn.UNK, 4, TokenCnn.PAD);
  }

  /**
   * Filter-by-filter pooling over the tabulated responses, in float, as {@link TokenCnn} computed
   * it before pooling went run by run of equal-width filters: the probabilities must not move by a
   * bit.
   */
  static double[] filterByFilter(
      int[] widths,
      int dim,
      int[] ids,
      float[] emb,
      float[] ker,
      float[] cb,
      float[] ow,
      float[] ob) {
    int labels = ob.length;
    double[] z = new double[labels];
    for (int k = 0; k < labels; k++) {
      z[k] = ob[k];
    }
    float[] pooled = new float[widths.length];
    int row = 0;
    for (int f = 0; f < widths.length; f++) {
      float best = Float.NEGATIVE_INFINITY;
      for (int p = 0; p + widths[f] <= ids.length; p++) {
        float v = 0;
        for (int j = 0; j < widths[f]; j++) {
          float t = 0;
          for (int d = 0; d < dim; d++) {
            t += emb[ids[p + j] * dim + d] * ker[(row + j) * dim + d];
          }
          v += t;
        }
        if (v > best) {
          best = v;
        }
      }
      pooled[f] = Math.max(0, best + cb[f]);
      row += widths[f];
    }
    for (int f = 0; f < widths.length; f++) {
      if (pooled[f] != 0) {
        for (int k = 0; k < labels; k++) {
          z[k] += pooled[f] * ow[f * labels + k];
        }
      }
    }
    return TokenCnn.softmax(z);
  }

  @Test
  void poolingRunByRunEqualsFilterByFilterExactly() {
    // widths out of order: runs of one, two and three filters, a width met again later
    int[] widths = {2, 1, 1, 3, 2, 2, 1, 3, 3, 3};
    int dim = 5;
    int rows = Arrays.stream(widths).sum();
    for (long seed = 1; seed <= 20; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      float[] emb = floats(r, VOCAB.size() * dim);
      Arrays.fill(emb, 0, dim, 0f);
      float[] ker = floats(r, rows * dim);
      float[] cb = floats(r, widths.length);
      float[] ow = floats(r, widths.length * 3);
      float[] ob = floats(r, 3);
      TokenCnn c = new TokenCnn(VOCAB, dim, widths, emb, ker, cb, ow, ob);
      List<String> post = new java.util.ArrayList<>();
      for (int i = 0, n = 1 + r.nextInt(12); i < n; i++) {
        post.add(i % 5 == 4 ? "zzz" : VOCAB.get(2 + r.nextInt(VOCAB.size() - 2)));
      }
      assertThat(c.probabilities(post))
          .as("seed %d, post %s", seed, post)
          .containsExactly(filterByFilter(widths, dim, c.ids(post), emb, ker, cb, ow, ob));
    }
  }

  @Test
  void wordIdsLookedUpByAnotherNetworkOfTheSameWordsGiveTheSameExplanation() {
    SplittableRandom r = new SplittableRandom(17);
    int[] narrow = {1, 1};
    TokenCnn first =
        new TokenCnn(
            VOCAB,
            DIM,
            narrow,
            floats(r, VOCAB.size() * DIM),
            floats(r, 2 * DIM),
            floats(r, 2),
            floats(r, 6),
            floats(r, 3));
    TokenCnn wide = random(19); // widths up to 3: a one-word post is padded further
    assertThat(wide.sameWords(first)).isTrue();
    for (List<String> post :
        List.of(List.of("vermin"), List.of("they", "zzz", "are", "nice", "vermin"))) {
      double[] p = new double[3];
      double[][] m = new double[3][];
      double[] q = new double[3];
      double[][] n = new double[3][];
      assertThat(wide.explain(post, first.ids(post), 2, p, m))
          .isEqualTo(wide.explain(post, 2, q, n));
      assertThat(p).containsExactly(q);
      for (int k = 0; k < 3; k++) {
        assertThat(m[k]).containsExactly(n[k]);
      }
    }
  }

  @Test
  void attributionsSplitTheLogitExactlyAmongTheWords() {
    SplittableRandom r = new SplittableRandom(11);
    int rows = Arrays.stream(WIDTHS).sum();
    float[] emb = floats(r, VOCAB.size() * DIM);
    Arrays.fill(emb, 0, DIM, 0f);
    float[] ker = floats(r, rows * DIM);
    float[] cb = floats(r, WIDTHS.length);
    float[] ow = floats(r, WIDTHS.length * 3);
    float[] ob = floats(r, 3);
    TokenCnn c = new TokenCnn(VOCAB, DIM, WIDTHS, emb, ker, cb, ow, ob);
    List<String> post = List.of("they", "are", "nice", "vermin", "are");
    int[] ids = c.ids(post);
    for (int label = 0; label < 3; label++) {
      // Expected: sum over active filters of weight * (pooled response - conv bias).
      double expected = 0;
      int row = 0;
      for (int f = 0; f < WIDTHS.length; f++) {
        double best = Double.NEGATIVE_INFINITY;
        for (int p = 0; p + WIDTHS[f] <= ids.length; p++) {
          double s = 0;
          for (int j = 0; j < WIDTHS[f]; j++) {
            for (int d = 0; d < DIM; d++) {
              s += emb[ids[p + j] * DIM + d] * ker[(row + j) * DIM + d];
            }
          }
          best = Math.max(best, s);
        }
        if (best + cb[f] > 0) {
          expected += ow[f * 3 + label] * best;
        }
        row += WIDTHS[f];
      }
      double[] a = c.attributions(post, label);
      assertThat(a).hasSize(post.size());
      assertThat(Arrays.stream(a).sum()).isCloseTo(expected, within(1e-4));
    }
    assertThat(c.attributions(List.of(), 0)).isEmpty();
  }

  @Test
  void onePassExplanationEqualsTheSeparateCalls() {
    TokenCnn c = random(13);
    List<String> post = List.of("they", "are", "vermin", "zzz");
    double[] probs = new double[3];
    double[][] margins = new double[3][];
    assertThat(c.explain(post, 2, probs, margins)).isEqualTo(4);
    assertThat(probs).containsExactly(c.probabilities(post));
    double[] ref = c.attributions(post, 2);
    for (int k = 0; k < 3; k++) {
      double[] a = c.attributions(post, k);
      for (int i = 0; i < post.size(); i++) {
        assertThat(margins[k][i]).isCloseTo(a[i] - ref[i], within(1e-5));
      }
    }
  }

  @Test
  void bytesRoundTripAndHostileBytesFail() throws ModelFormatException {
    TokenCnn c = random(3);
    byte[] bytes = c.toBytes();
    TokenCnn back = TokenCnn.fromBytes(bytes, "x.bin");
    List<String> post = List.of("they", "are", "vermin");
    assertThat(back.probabilities(post)).containsExactly(c.probabilities(post));
    assertThat(back.toBytes()).isEqualTo(bytes);
    assertThatThrownBy(() -> TokenCnn.fromBytes(Arrays.copyOf(bytes, bytes.length - 3), "x.bin"))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("truncated")
        .hasMessageContaining("x.bin");
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
    assertThatThrownBy(() -> TokenCnn.fromBytes(longer, "x.bin"))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("trailing");
    byte[] bad = bytes.clone();
    bad[0] = 0;
    assertThatThrownBy(() -> TokenCnn.fromBytes(bad, "x.bin"))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("magic");
    assertThatThrownBy(
            () ->
                new TokenCnn(
                    VOCAB,
                    DIM,
                    new int[] {0},
                    new float[24],
                    new float[0],
                    new float[1],
                    new float[3],
                    new float[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("widths");
  }
}
