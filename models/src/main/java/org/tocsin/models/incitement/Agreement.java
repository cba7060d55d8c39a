package org.tocsin.models.incitement;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Cohen's kappa and raw agreement of two annotators who labelled the same items (J. Cohen, "A
 * coefficient of agreement for nominal scales", 1960): {@code (po - pe) / (1 - pe)}, with {@code
 * po} the share of items given the same label and {@code pe} the agreement expected from each
 * annotator's own label frequencies.
 *
 * @param kappa Cohen's kappa, or {@link Double#NaN} when both annotators gave every item one and
 *     the same label (chance agreement 1: kappa is undefined)
 * @param agreement the raw agreement {@code po}, in [0, 1]
 * @param items how many items were compared
 */
public record Agreement(double kappa, double agreement, int items) {

  /**
   * The agreement of {@code a} and {@code b}, where {@code a.get(i)} and {@code b.get(i)} are the
   * two labels of item {@code i}.
   *
   * @throws IllegalArgumentException if the lists differ in length, are empty or hold a null
   */
  public static <T> Agreement of(List<T> a, List<T> b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    if (a.size() != b.size() || a.isEmpty()) {
      throw new IllegalArgumentException(
          "need two non-empty label lists of equal length [got "
              + a.size()
              + ", "
              + b.size()
              + "]");
    }
    int n = a.size();
    int same = 0;
    Map<T, int[]> counts = new HashMap<>();
    for (int i = 0; i < n; i++) {
      T x = a.get(i);
      T y = b.get(i);
      if (x == null || y == null) {
        throw new IllegalArgumentException("null label [got item " + i + "]");
      }
      if (x.equals(y)) {
        same++;
      }
      counts.computeIfAbsent(x, k -> new int[2])[0]++;
      counts.computeIfAbsent(y, k -> new int[2])[1]++;
    }
    double po = (double) same / n;
    double pe = 0;
    for (int[] c : counts.values()) {
      pe += ((double) c[0] / n) * ((double) c[1] / n);
    }
    // pe is 1 only when both gave one and the same label to every item (then po is 1 too).
    double kappa = counts.size() == 1 ? Double.NaN : (po - pe) / (1 - pe);
    return new Agreement(kappa, po, n);
  }
}
