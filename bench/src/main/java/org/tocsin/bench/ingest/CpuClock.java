package org.tocsin.bench.ingest;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import org.tocsin.core.SuppressForbidden;

/**
 * The CPU time this JVM spends between two points: all threads, with the garbage collector's
 * estimated apart (JFR's execution samples do not see it) as its pause time times its worker
 * threads (ParallelGC: one per core here). The JIT compilers' CPU is not told apart (the JVM only
 * gives their wall time, which a loaded machine inflates); a warm-up runs before the measured work.
 */
final class CpuClock {
  private final long cpu0;
  private final long gc0;

  private CpuClock(long cpu0, long gc0) {
    this.cpu0 = cpu0;
    this.gc0 = gc0;
  }

  /** Starts counting now. */
  static CpuClock start() {
    return new CpuClock(processCpuNanos(), gcMillis());
  }

  /** The CPU time spent since {@link #start}, in seconds. */
  record Spent(double totalSeconds, double gcSeconds) {
    /** What the threads the samples see spent: total minus GC. */
    double javaSeconds() {
      return Math.max(0, totalSeconds - gcSeconds);
    }
  }

  /** What was spent since {@link #start}. */
  Spent spent() {
    int gcThreads = Runtime.getRuntime().availableProcessors();
    return new Spent((processCpuNanos() - cpu0) / 1e9, (gcMillis() - gc0) * gcThreads / 1e3);
  }

  /** CPU time of this JVM, all threads, or -1 if the JVM does not say. */
  @SuppressForbidden(reason = "process CPU time, read only when the JVM offers it")
  static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }

  private static long gcMillis() {
    long sum = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      sum += Math.max(0, gc.getCollectionTime());
    }
    return sum;
  }
}
