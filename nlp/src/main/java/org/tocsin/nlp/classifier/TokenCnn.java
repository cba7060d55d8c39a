package org.tocsin.nlp.classifier;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * A convolutional network over word embeddings (Kim 2014): each word of a post becomes a {@code
 * dim}-vector, filters of widths such as 1, 2 and 3 slide over the words, each filter keeps its
 * largest response over the post (max-pool, then ReLU), and a softmax layer maps the pooled
 * responses to the labels.
 *
 * <p>Inference multiplies a word's embedding by the kernels once, the first time the word is seen:
 * its response to every kernel row is tabulated ({@code vocab × Σ widths × filters} floats in all),
 * so a post costs only table look-ups and additions, as cheap as a bag of n-grams, and loading does
 * no arithmetic. The same table gives the explanation for free: a filter's pooled response is
 * exactly the sum of its winning window's tabulated entries (plus bias), so each word's share of a
 * class logit ({@link #attributions}) is exact gradient × input of the logit with respect to the
 * word's embedding.
 *
 * <p>Word 0 is padding (a zero vector, for posts shorter than the widest filter) and word 1 stands
 * for every word outside the vocabulary. Immutable and thread-safe.
 */
public final class TokenCnn {
  /** Index of the padding word. */
  public static final int PAD = 0;

  /** Index of the out-of-vocabulary word. */
  public static final int UNK = 1;

  /** Words of a post past this many are ignored. */
  public static final int MAX_TOKENS = 200;

  private static final int MAGIC = 0x54434e31; // "TCN1"

  private final List<String> vocab;
  private final Map<String, Integer> index;
  private final int dim;
  private final int[] widths; // per filter
  private final int[] start; // per filter: its first kernel row
  private final int maxWidth;
  private final float[] embeddings; // vocab × dim
  private final float[] kernels; // rows × dim, row start[f] + j is offset j of filter f
  private final float[] convBias; // per filter
  private final float[] outWeights; // filters × labels
  private final float[] outBias; // per label
  private final int labels;
  // vocab × rows: embedding · kernel row, filled on first use. Within a word's row the filters of
  // a run of equal width lie offset by offset ({@link #col}): offset j of the run's filters side
  // by side, so that pooling adds contiguous slices (which C2 vectorises) instead of gathering.
  private final float[] table;
  private final int[] colStart; // per filter: its offset 0 in a word's row of the table
  private final int[] colStride; // per filter: the size of its run (distance between offsets)
  private final int[] colOfRow; // per kernel row: its column in a word's row of the table
  private final int[] runStart; // per run of equal-width filters: its first filter
  private final int[] runColumn; // per run: its first column in a word's row of the table
  private final AtomicIntegerArray ready; // per word: 1 once its table row is filled

  /**
   * A network with the given weights (arrays are copied).
   *
   * @param vocab the words, {@code vocab.get(0)} the padding and {@code vocab.get(1)} the unknown
   *     word (their spelling is not looked up)
   * @param dim embedding size
   * @param widths each filter's width in words
   * @param embeddings {@code vocab.size() × dim}, row-major
   * @param kernels {@code Σ widths × dim}: filter f's rows follow filter f-1's
   * @param convBias one per filter
   * @param outWeights {@code filters × labels}, row-major
   * @param outBias one per label
   */
  public TokenCnn(
      List<String> vocab,
      int dim,
      int[] widths,
      float[] embeddings,
      float[] kernels,
      float[] convBias,
      float[] outWeights,
      float[] outBias) {
    this.vocab = List.copyOf(vocab);
    if (this.vocab.size() < 2) {
      throw new IllegalArgumentException(
          "vocab needs padding and unknown words [got " + vocab.size() + " words]");
    }
    if (dim < 1 || widths.length == 0) {
      throw new IllegalArgumentException(
          "need dim >= 1 and a filter [got dim " + dim + ", " + widths.length + " filters]");
    }
    this.dim = dim;
    this.widths = widths.clone();
    this.start = new int[widths.length];
    int rows = 0;
    int mw = 1;
    for (int f = 0; f < widths.length; f++) {
      if (widths[f] < 1 || widths[f] > 16) {
        throw new IllegalArgumentException("filter widths must be 1..16 [got " + widths[f] + "]");
      }
      start[f] = rows;
      rows += widths[f];
      mw = Math.max(mw, widths[f]);
    }
    this.maxWidth = mw;
    this.labels = outBias.length;
    check("embeddings", embeddings.length, (long) this.vocab.size() * dim);
    check("kernels", kernels.length, (long) rows * dim);
    check("convBias", convBias.length, widths.length);
    check("outWeights", outWeights.length, (long) widths.length * labels);
    this.embeddings = embeddings.clone();
    this.kernels = kernels.clone();
    this.convBias = convBias.clone();
    this.outWeights = outWeights.clone();
    this.outBias = outBias.clone();
    this.index = new HashMap<>(this.vocab.size() * 2);
    for (int i = 2; i < this.vocab.size(); i++) {
      index.putIfAbsent(this.vocab.get(i), i);
    }
    this.table = new float[Math.multiplyExact(this.vocab.size(), rows)];
    this.colStart = new int[widths.length];
    this.colStride = new int[widths.length];
    this.colOfRow = new int[rows];
    List<Integer> runs = new ArrayList<>();
    List<Integer> runCols = new ArrayList<>();
    int col = 0;
    for (int f = 0; f < widths.length; ) {
      int end = f;
      while (end < widths.length && widths[end] == widths[f]) {
        end++;
      }
      runs.add(f);
      runCols.add(col);
      for (int g = f; g < end; g++) {
        colStart[g] = col + (g - f);
        colStride[g] = end - f;
        for (int j = 0; j < widths[g]; j++) {
          colOfRow[start[g] + j] = colStart[g] + j * colStride[g];
        }
      }
      col += (end - f) * widths[f];
      f = end;
    }
    this.runStart = runs.stream().mapToInt(Integer::intValue).toArray();
    this.runColumn = runCols.stream().mapToInt(Integer::intValue).toArray();
    this.ready = new AtomicIntegerArray(this.vocab.size());
    ready.set(PAD, 1); // the padding row stays zero
  }

  /**
   * Fills word {@code w}'s row of the table on its first use. Racing threads write the same values;
   * the volatile flag publishes the row to every thread that reads it set.
   */
  private void ensureRow(int w) {
    if (ready.get(w) != 0) {
      return;
    }
    int rows = table.length / vocab.size();
    int e = w * dim;
    for (int r = 0; r < rows; r++) {
      int k = r * dim;
      float s = 0;
      for (int i = 0; i < dim; i++) {
        s += embeddings[e + i] * kernels[k + i];
      }
      table[w * rows + colOfRow[r]] = s;
    }
    ready.set(w, 1);
  }

  private static void check(String what, int got, long expected) {
    if (got != expected) {
      throw new IllegalArgumentException(
          what + " must have " + expected + " values [got " + got + "]");
    }
  }

  /**
   * The word ids of a token list: unknown words map to {@link #UNK}, padded to the widest filter.
   */
  public int[] ids(List<String> tokens) {
    int n = Math.min(tokens.size(), MAX_TOKENS);
    int[] ids = new int[Math.max(n, maxWidth)];
    for (int i = 0; i < n; i++) {
      ids[i] = index.getOrDefault(tokens.get(i), UNK);
      ensureRow(ids[i]);
    }
    return ids;
  }

  /** Whether this network numbers words as {@code other} does: the same vocabulary, in order. */
  public boolean sameWords(TokenCnn other) {
    return other == this || vocab.equals(other.vocab);
  }

  /** Label probabilities of a token list, as {@link TfidfVectorizer#tokens} gives them. */
  public double[] probabilities(List<String> tokens) {
    return probabilitiesOfIds(ids(tokens));
  }

  /** Label probabilities of word ids from {@link #ids}. */
  public double[] probabilitiesOfIds(int[] ids) {
    float[] pooled = new float[widths.length];
    pool(ids, pooled, null);
    return softmax(logits(pooled));
  }

  /**
   * Each word's exact share of class {@code label}'s logit (gradient × input, biases left out): the
   * sum, over the filters whose winning window covers the word, of the word's tabulated response
   * times the filter's output weight for the label.
   */
  public double[] attributions(List<String> tokens, int label) {
    int[] ids = ids(tokens);
    float[] pooled = new float[widths.length];
    int[] argmax = new int[widths.length];
    pool(ids, pooled, argmax);
    int rows = table.length / vocab.size();
    double[] a = new double[Math.min(tokens.size(), MAX_TOKENS)];
    for (int f = 0; f < widths.length; f++) {
      if (pooled[f] <= 0) {
        continue;
      }
      float w = outWeights[f * labels + label];
      int p = argmax[f];
      for (int j = 0; j < widths[f]; j++) {
        if (p + j < a.length) {
          a[p + j] += w * table[ids[p + j] * rows + col(f, j)];
        }
      }
    }
    return a;
  }

  /**
   * One pass for an explanation: the label probabilities (into {@code probs}) and, for each label
   * {@code k}, each word's share of the logit margin {@code z[k] - z[reference]} (as {@link
   * #attributions}, the reference label's share subtracted), in {@code margins[k]}.
   *
   * @return the number of words read (at most {@link #MAX_TOKENS})
   */
  public int explain(List<String> tokens, int reference, double[] probs, double[][] margins) {
    return explain(tokens, ids(tokens), reference, probs, margins);
  }

  /**
   * As {@link #explain(List, int, double[], double[][])}, with the word ids already looked up by a
   * network of the same vocabulary ({@link #sameWords}): an ensemble looks each word up once.
   */
  int explain(List<String> tokens, int[] ids, int reference, double[] probs, double[][] margins) {
    for (int i = 0, n = Math.min(tokens.size(), MAX_TOKENS); i < n; i++) {
      ensureRow(ids[i]);
    }
    if (ids.length < maxWidth) {
      ids = Arrays.copyOf(ids, maxWidth); // padded to this network's widest filter
    }
    float[] pooled = new float[widths.length];
    int[] argmax = new int[widths.length];
    pool(ids, pooled, argmax);
    double[] z = softmax(logits(pooled));
    System.arraycopy(z, 0, probs, 0, labels);
    int rows = table.length / vocab.size();
    int n = Math.min(tokens.size(), MAX_TOKENS);
    for (int k = 0; k < labels; k++) {
      margins[k] = new double[n];
    }
    for (int f = 0; f < widths.length; f++) {
      if (pooled[f] <= 0) {
        continue;
      }
      int p = argmax[f];
      float ref = outWeights[f * labels + reference];
      for (int j = 0; j < widths[f] && p + j < n; j++) {
        float t = table[ids[p + j] * rows + col(f, j)];
        for (int k = 0; k < labels; k++) {
          margins[k][p + j] += (outWeights[f * labels + k] - ref) * t;
        }
      }
    }
    return n;
  }

  /** The column of filter {@code f}'s offset {@code j} in a word's row of the table. */
  private int col(int f, int j) {
    return colStart[f] + j * colStride[f];
  }

  /** Pooled filter responses (ReLU of the max over positions), and where each maximum lies. */
  private void pool(int[] ids, float[] pooled, int[] argmax) {
    int rows = table.length / vocab.size();
    int filters = widths.length;
    float[] best = new float[filters];
    int[] at = new int[filters];
    java.util.Arrays.fill(best, Float.NEGATIVE_INFINITY);
    float[] v = new float[filters];
    // run by run of equal-width filters, position by position: a window's response for every
    // filter of the run is the sum of w contiguous slices of the table (one per word of the
    // window), added in the same order as filter by filter, so the sums and the first maximum are
    // exactly those of filter-by-filter pooling
    for (int r = 0; r < runStart.length; r++) {
      int f0 = runStart[r];
      int m = r + 1 < runStart.length ? runStart[r + 1] - f0 : filters - f0;
      int w = widths[f0];
      int c0 = runColumn[r];
      for (int p = 0; p + w <= ids.length; p++) {
        java.util.Arrays.fill(v, 0, m, 0f);
        for (int j = 0; j < w; j++) {
          int base = ids[p + j] * rows + c0 + j * m;
          for (int i = 0; i < m; i++) {
            v[i] += table[base + i];
          }
        }
        for (int i = 0; i < m; i++) {
          if (v[i] > best[f0 + i]) {
            best[f0 + i] = v[i];
            at[f0 + i] = p;
          }
        }
      }
    }
    for (int f = 0; f < filters; f++) {
      pooled[f] = Math.max(0, best[f] + convBias[f]);
      if (argmax != null) {
        argmax[f] = at[f];
      }
    }
  }

  private double[] logits(float[] pooled) {
    double[] z = new double[labels];
    for (int k = 0; k < labels; k++) {
      z[k] = outBias[k];
    }
    for (int f = 0; f < pooled.length; f++) {
      float h = pooled[f];
      if (h != 0) {
        for (int k = 0; k < labels; k++) {
          z[k] += h * outWeights[f * labels + k];
        }
      }
    }
    return z;
  }

  /** Softmax of logits, in place, returned. */
  public static double[] softmax(double[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (int k = 0; k < z.length; k++) {
      z[k] = Math.exp(z[k] - max);
      sum += z[k];
    }
    for (int k = 0; k < z.length; k++) {
      z[k] /= sum;
    }
    return z;
  }

  /** The vocabulary size, padding and unknown word included. */
  public int vocabSize() {
    return vocab.size();
  }

  /** The number of labels. */
  public int labels() {
    return labels;
  }

  /** The number of filters. */
  public int filters() {
    return widths.length;
  }

  /** Serialises the weights (vocabulary, shapes, float32 arrays, big-endian). */
  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(vocab.size());
      for (String w : vocab) {
        byte[] b = w.getBytes(StandardCharsets.UTF_8);
        out.writeShort(b.length);
        out.write(b);
      }
      out.writeInt(dim);
      out.writeInt(labels);
      out.writeInt(widths.length);
      for (int w : widths) {
        out.writeByte(w);
      }
      for (float[] a : List.of(embeddings, kernels, convBias, outWeights, outBias)) {
        for (float v : a) {
          out.writeFloat(v);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  /**
   * Reads {@link #toBytes} output.
   *
   * @param name the file's name, for error messages
   * @throws ModelFormatException if the bytes are not such a network
   */
  public static TokenCnn fromBytes(byte[] data, String name) throws ModelFormatException {
    // a ByteBuffer, not a DataInputStream: the float arrays (millions of values) are read in bulk
    ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.BIG_ENDIAN);
    try {
      if (in.getInt() != MAGIC) {
        throw new ModelFormatException("not a TokenCnn file (bad magic number)", name);
      }
      int v = in.getInt();
      if (v < 2 || v > 5_000_000) {
        throw new ModelFormatException("vocabulary size out of range [got " + v + "]", name);
      }
      List<String> vocab = new ArrayList<>(v);
      for (int i = 0; i < v; i++) {
        byte[] b = new byte[Short.toUnsignedInt(in.getShort())];
        in.get(b);
        vocab.add(new String(b, StandardCharsets.UTF_8));
      }
      int dim = in.getInt();
      int labels = in.getInt();
      int filters = in.getInt();
      if (dim < 1 || dim > 4096 || labels < 2 || labels > 64 || filters < 1 || filters > 65536) {
        throw new ModelFormatException(
            "shape out of range [dim " + dim + ", labels " + labels + ", filters " + filters + "]",
            name);
      }
      int[] widths = new int[filters];
      int rows = 0;
      for (int f = 0; f < filters; f++) {
        widths[f] = Byte.toUnsignedInt(in.get());
        rows += widths[f];
      }
      float[] emb = floats(in, (long) v * dim, name);
      float[] ker = floats(in, (long) rows * dim, name);
      float[] cb = floats(in, filters, name);
      float[] ow = floats(in, (long) filters * labels, name);
      float[] ob = floats(in, labels, name);
      if (in.hasRemaining()) {
        throw new ModelFormatException("trailing bytes after the weights", name);
      }
      return new TokenCnn(vocab, dim, widths, emb, ker, cb, ow, ob);
    } catch (BufferUnderflowException e) {
      throw new ModelFormatException("truncated", name, e);
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException("unreadable (" + e.getMessage() + ")", name, e);
    }
  }

  private static float[] floats(ByteBuffer in, long n, String name) throws ModelFormatException {
    if (n > Integer.MAX_VALUE / 4) {
      throw new ModelFormatException("array too large [" + n + " floats]", name);
    }
    float[] a = new float[(int) n];
    if (in.remaining() < 4L * n) {
      throw new BufferUnderflowException();
    }
    in.asFloatBuffer().get(a);
    in.position(in.position() + 4 * a.length);
    return a;
  }

  @Override
  public String toString() {
    return "TokenCnn[vocab "
        + vocab.size()
        + ", dim "
        + dim
        + ", filters "
        + widths.length
        + " of widths "
        + Arrays.toString(Arrays.stream(widths).distinct().toArray())
        + "]";
  }

  /** The vocabulary, for training code that continues from these weights. */
  public List<String> vocab() {
    return vocab;
  }
}
