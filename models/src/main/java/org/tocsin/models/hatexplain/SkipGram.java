package org.tocsin.models.hatexplain;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Word2Vec skip-gram with negative sampling (Mikolov et al. 2013), trained here on the unlabelled
 * text at hand: single-threaded, deterministic for a seed. Frequent words are subsampled ({@code
 * 1e-4}), negatives drawn from the unigram distribution to the power 0.75, the learning rate decays
 * linearly to 0.
 *
 * @param words the vocabulary, most frequent first; index 0 is padding and 1 the unknown word (as
 *     {@link org.tocsin.nlp.classifier.TokenCnn} expects), both with zero vectors
 * @param dim vector size
 * @param vectors {@code words.size() × dim}
 */
public record SkipGram(List<String> words, int dim, float[] vectors) {

  /**
   * Trains vectors.
   *
   * @param corpus token lists
   * @param minCount words seen fewer times are left out
   * @param maxWords at most this many words are kept (the most frequent)
   */
  public static SkipGram train(
      List<List<String>> corpus,
      int dim,
      int window,
      int negatives,
      int epochs,
      int minCount,
      int maxWords,
      long seed,
      PrintStream log) {
    Map<String, Integer> counts = new HashMap<>();
    for (List<String> s : corpus) {
      for (String w : s) {
        counts.merge(w, 1, Integer::sum);
      }
    }
    List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
    sorted.removeIf(e -> e.getValue() < minCount);
    sorted.sort(
        Map.Entry.<String, Integer>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    if (sorted.size() > maxWords - 2) {
      sorted = sorted.subList(0, maxWords - 2);
    }
    List<String> words = new ArrayList<>();
    words.add("<pad>");
    words.add("<unk>");
    Map<String, Integer> index = new HashMap<>();
    long[] freq = new long[sorted.size() + 2];
    long total = 0;
    for (Map.Entry<String, Integer> e : sorted) {
      index.put(e.getKey(), words.size());
      freq[words.size()] = e.getValue();
      total += e.getValue();
      words.add(e.getKey());
    }
    int v = words.size();
    // Encoded sentences (unknown words dropped, as in word2vec).
    List<int[]> sentences = new ArrayList<>(corpus.size());
    long tokens = 0;
    for (List<String> s : corpus) {
      int[] ids = s.stream().mapToInt(w -> index.getOrDefault(w, -1)).filter(i -> i > 1).toArray();
      if (ids.length > 1) {
        sentences.add(ids);
        tokens += ids.length;
      }
    }
    // Unigram^0.75 table for negatives.
    int[] unigram = new int[10_000_000];
    double norm = 0;
    for (int i = 2; i < v; i++) {
      norm += Math.pow(freq[i], 0.75);
    }
    int w = 2;
    double cum = Math.pow(freq[2], 0.75) / norm;
    for (int i = 0; i < unigram.length; i++) {
      unigram[i] = w;
      if ((double) i / unigram.length > cum && w < v - 1) {
        w++;
        cum += Math.pow(freq[w], 0.75) / norm;
      }
    }
    float[] keep = new float[v];
    double sample = 1e-4;
    for (int i = 2; i < v; i++) {
      double f = (double) freq[i] / total;
      keep[i] = (float) Math.min(1, (Math.sqrt(f / sample) + 1) * sample / f);
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    float[] in = new float[v * dim];
    float[] out = new float[v * dim];
    for (int i = 2 * dim; i < in.length; i++) {
      in[i] = (float) ((rnd.nextDouble() - 0.5) / dim);
    }
    log.printf(
        Locale.ROOT,
        "skip-gram: %d sentences, %d tokens, vocab %d, dim %d, window %d, %d negatives, %d epochs%n",
        sentences.size(),
        tokens,
        v,
        dim,
        window,
        negatives,
        epochs);
    double lr0 = 0.025;
    long done = 0;
    long planned = tokens * epochs;
    float[] grad = new float[dim];
    long t0 = System.nanoTime();
    int[] buf = new int[TOKEN_CAP];
    for (int epoch = 0; epoch < epochs; epoch++) {
      for (int[] sentence : sentences) {
        int n = 0;
        for (int id : sentence) {
          if (n < buf.length && rnd.nextDouble() < keep[id]) {
            buf[n++] = id;
          }
        }
        done += sentence.length;
        float lr = (float) Math.max(lr0 * 1e-4, lr0 * (1 - (double) done / planned));
        for (int p = 0; p < n; p++) {
          int b = rnd.nextInt(window);
          for (int q = p - window + b; q <= p + window - b; q++) {
            if (q < 0 || q >= n || q == p) {
              continue;
            }
            int ctx = buf[q] * dim;
            Arrays.fill(grad, 0);
            for (int d = 0; d <= negatives; d++) {
              int target;
              float label;
              if (d == 0) {
                target = buf[p];
                label = 1;
              } else {
                target = unigram[rnd.nextInt(unigram.length)];
                if (target == buf[p]) {
                  continue;
                }
                label = 0;
              }
              int t = target * dim;
              float dot = 0;
              for (int i = 0; i < dim; i++) {
                dot += in[ctx + i] * out[t + i];
              }
              float g = (float) ((label - sigmoid(dot)) * lr);
              for (int i = 0; i < dim; i++) {
                grad[i] += g * out[t + i];
                out[t + i] += g * in[ctx + i];
              }
            }
            for (int i = 0; i < dim; i++) {
              in[ctx + i] += grad[i];
            }
          }
        }
      }
      log.printf(
          Locale.ROOT,
          "skip-gram epoch %d done, %.1fs%n",
          epoch + 1,
          (System.nanoTime() - t0) / 1e9);
    }
    return new SkipGram(words, dim, in);
  }

  private static final int TOKEN_CAP = 1000;

  private static double sigmoid(float x) {
    if (x > 8) {
      return 1;
    }
    if (x < -8) {
      return 0;
    }
    return 1 / (1 + Math.exp(-x));
  }

  /** Writes the vectors (a cache, so that classifier runs need not retrain them). */
  public void write(Path file) throws IOException {
    try (DataOutputStream o =
        new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
      o.writeInt(words.size());
      o.writeInt(dim);
      for (String w : words) {
        o.writeUTF(w);
      }
      for (float f : vectors) {
        o.writeFloat(f);
      }
    }
  }

  /** Reads {@link #write} output. */
  public static SkipGram read(Path file) throws IOException {
    try (DataInputStream i =
        new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
      int n = i.readInt();
      int dim = i.readInt();
      List<String> words = new ArrayList<>(n);
      for (int k = 0; k < n; k++) {
        words.add(i.readUTF());
      }
      float[] v = new float[n * dim];
      for (int k = 0; k < v.length; k++) {
        v[k] = i.readFloat();
      }
      return new SkipGram(words, dim, v);
    }
  }
}
