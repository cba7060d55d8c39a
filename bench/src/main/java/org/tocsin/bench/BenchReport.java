package org.tocsin.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/** Writes a benchmark's results under {@code bench/results/} with the machine and the date. */
public final class BenchReport {
  private final StringBuilder md = new StringBuilder();

  /** Starts a report with a title and the machine description. */
  public BenchReport(String title) {
    md.append("# ").append(title).append("\n\n");
    md.append("- date: ").append(LocalDate.now(ZoneOffset.UTC)).append('\n');
    md.append("- machine: ").append(machine()).append("\n\n");
  }

  /** Appends a line of Markdown. */
  public BenchReport line(String format, Object... args) {
    md.append(String.format(Locale.ROOT, format, args)).append('\n');
    return this;
  }

  /** The report so far. */
  public String text() {
    return md.toString();
  }

  /** Writes the report to {@code dir/name-DATE.md} and returns the path. */
  public Path write(Path dir, String name) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(name + "-" + LocalDate.now(ZoneOffset.UTC) + ".md");
    Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
    return file;
  }

  /** The JVM's peak heap use so far, in bytes (sum of the heap pools' peaks). */
  public static long peakHeapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /** Resets the heap pools' peak counters. */
  public static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  /** The size of everything under a directory, in bytes. */
  public static long sizeOf(Path dir) throws IOException {
    try (var walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .sum();
    }
  }

  private static String machine() {
    Runtime rt = Runtime.getRuntime();
    return String.format(
        Locale.ROOT,
        "%d cores, %s %s (%s), Java %s (%s), max heap %d MiB",
        rt.availableProcessors(),
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        System.getProperty("os.arch"),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        rt.maxMemory() >> 20);
  }
}
