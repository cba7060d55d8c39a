package org.tocsin.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress output for long jobs: on a terminal one line rewritten in place a few times a second;
 * otherwise (a pipe, a log file) a plain line at most every few seconds.
 */
final class Progress {
  private final PrintWriter err;
  private final boolean terminal;
  private final long startNanos = System.nanoTime();
  private final long intervalNanos;
  private long lastNanos;
  private boolean pendingLine;

  Progress(PrintWriter err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
    this.intervalNanos = terminal ? 200_000_000L : 5_000_000_000L;
  }

  /** Reports progress if enough time passed since the last report. */
  void update(String what, long done, long bytes, long totalBytes) {
    long now = System.nanoTime();
    if (now - lastNanos < intervalNanos) {
      return;
    }
    lastNanos = now;
    double secs = Math.max(1e-3, (now - startNanos) / 1e9);
    String pct =
        totalBytes > 0 ? String.format(Locale.ROOT, " %3.0f%%", 100.0 * bytes / totalBytes) : "";
    String line =
        String.format(Locale.ROOT, "%s:%s %,d posts, %,.0f posts/s", what, pct, done, done / secs);
    if (terminal) {
      err.print("\r" + line + "   ");
      pendingLine = true;
    } else {
      err.println(line);
    }
    err.flush();
  }

  /** Ends the in-place line, if any, so that the next output starts on a fresh line. */
  void finish() {
    if (pendingLine) {
      err.println();
      err.flush();
      pendingLine = false;
    }
  }

  /** Seconds since this progress started. */
  double elapsedSeconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
