package org.tocsin.models.hatexplain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The CNN learns a task that needs word order, and repeats for a seed. */
class CnnTrainerTest {
  static final List<String> FILLER = List.of("the", "a", "of", "and", "we", "you", "is", "it");

  /** Hate iff "not" does NOT directly precede "vermin"; offensive iff "idiot"; else normal. */
  static List<List<String>> posts(int n, long seed, List<Integer> labels) {
    SplittableRandom r = new SplittableRandom(seed);
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<String> p = new ArrayList<>();
      for (int k = 0; k < 3 + r.nextInt(5); k++) {
        p.add(FILLER.get(r.nextInt(FILLER.size())));
      }
      int kind = r.nextInt(4);
      int at = r.nextInt(p.size() + 1);
      switch (kind) {
        case 0 -> p.addAll(at, List.of("they", "vermin"));
        case 1 -> p.addAll(at, List.of("not", "vermin"));
        case 2 -> p.add(at, "idiot");
        default -> {}
      }
      labels.add(kind == 0 ? 0 : kind == 2 ? 1 : 2);
      out.add(p);
    }
    return out;
  }

  static SkipGram vectors() {
    List<String> words =
        new ArrayList<>(List.of("<pad>", "<unk>", "they", "vermin", "not", "idiot"));
    words.addAll(FILLER);
    SplittableRandom r = new SplittableRandom(1);
    float[] v = new float[words.size() * 8];
    for (int i = 16; i < v.length; i++) {
      v[i] = (float) (r.nextDouble() - 0.5);
    }
    return new SkipGram(words, 8, v);
  }

  static CnnTrainer.Result train(long seed) {
    List<Integer> y = new ArrayList<>();
    List<List<String>> train = posts(600, 3, y);
    double[][] targets = new double[train.size()][3];
    for (int i = 0; i < y.size(); i++) {
      targets[i][y.get(i)] = 1;
    }
    double[] weights = new double[train.size()];
    java.util.Arrays.fill(weights, 1);
    List<Integer> vy = new ArrayList<>();
    List<List<String>> val = posts(200, 4, vy);
    PrintStream quiet =
        new PrintStream(
            OutputStream.nullOutputStream(), false, java.nio.charset.StandardCharsets.UTF_8);
    return new CnnTrainer(new int[] {1, 2}, 8, 0.01, 0.01, 0.2, 16, 15, 15, seed, true, quiet)
        .train(
            vectors(),
            train,
            targets,
            weights,
            val,
            vy.stream().mapToInt(Integer::intValue).toArray());
  }

  @Test
  void learnsAPhraseThatNeedsWordOrder() {
    CnnTrainer.Result r = train(42);
    assertThat(r.val().accuracy()).as(r.val().summary()).isGreaterThan(0.95);
    // "not vermin" is normal and "they vermin" hate: only a width-2 window tells them apart.
    double[] hate = r.network().probabilities(List.of("we", "they", "vermin", "it"));
    double[] notHate = r.network().probabilities(List.of("we", "not", "vermin", "it"));
    assertThat(Evaluation.argMax(hate)).as(java.util.Arrays.toString(hate)).isEqualTo(0);
    assertThat(Evaluation.argMax(notHate)).as(java.util.Arrays.toString(notHate)).isEqualTo(2);
  }

  @Test
  void repeatsForASeed() {
    assertThat(train(7).network().toBytes()).isEqualTo(train(7).network().toBytes());
  }
}
