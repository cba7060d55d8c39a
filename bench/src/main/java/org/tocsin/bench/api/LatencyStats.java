package org.tocsin.bench.api;

import java.util.Arrays;

/** Latencies (microseconds) and errors of one request class; thread-safe. */
final class LatencyStats {
  private long[] micros = new long[1024];
  private int n;
  private long errors;

  synchronized void ok(long us) {
    if (n == micros.length) {
      micros = Arrays.copyOf(micros, n * 2);
    }
    micros[n++] = us;
  }

  synchronized void error() {
    errors++;
  }

  synchronized long count() {
    return n + errors;
  }

  synchronized long errors() {
    return errors;
  }

  /** The q-quantile (0..1) in milliseconds, or NaN without samples. */
  synchronized double quantileMillis(double q) {
    if (n == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(micros, n);
    Arrays.sort(sorted);
    int i = (int) Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1));
    return sorted[i] / 1000.0;
  }
}
