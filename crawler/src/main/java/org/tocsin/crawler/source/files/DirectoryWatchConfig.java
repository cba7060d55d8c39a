package org.tocsin.crawler.source.files;

import io.vertx.core.json.JsonObject;
import java.util.Objects;
import org.tocsin.crawler.source.Pacing;
import org.tocsin.crawler.source.SourceConfig;
import org.tocsin.crawler.source.internal.ConfigReader;

/**
 * A watched directory of Post JSONL files.
 *
 * @param source the source name, also the cursor key
 * @param directory the directory
 * @param suffix the file name ending that marks a Post JSONL file
 * @param maxLineBytes the longest line read as one post; longer ones are reported and skipped
 * @param settleMillis how long a file must be unchanged before a last line without a newline is
 *     read (a writer may still be adding to it)
 * @param pacing the poll interval and failure policy ({@code intervalMillis} is unused)
 */
public record DirectoryWatchConfig(
    String source,
    String directory,
    String suffix,
    int maxLineBytes,
    long settleMillis,
    Pacing pacing)
    implements SourceConfig {

  /** Default file ending: {@code .jsonl}. */
  public static final String DEFAULT_SUFFIX = ".jsonl";

  /** Default longest line: 1 MiB. */
  public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

  /** Default settle time: 5 s. */
  public static final long DEFAULT_SETTLE_MILLIS = 5_000;

  /** Default pacing: a look at the directory every 10 s. */
  public static final Pacing DEFAULT_PACING = Pacing.of(10_000, 0);

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if a value is out of range
   */
  public DirectoryWatchConfig {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(suffix, "suffix");
    Objects.requireNonNull(pacing, "pacing");
    if (directory.isBlank() || maxLineBytes < 16 || settleMillis < 0) {
      throw new IllegalArgumentException(
          "need a directory, maxLineBytes >= 16, settleMillis >= 0 [got '"
              + directory
              + "', "
              + maxLineBytes
              + ", "
              + settleMillis
              + "]");
    }
  }

  /**
   * Reads a {@code files} source entry; {@code name} and {@code directory} are required.
   *
   * @throws IllegalArgumentException naming the key that is missing, unknown or invalid
   */
  public static DirectoryWatchConfig fromJson(JsonObject j) {
    String name = j.getValue("name") instanceof String s ? s : null;
    ConfigReader r = new ConfigReader("files source '" + name + "'", j).allow("type");
    DirectoryWatchConfig c =
        new DirectoryWatchConfig(
            r.required("name"),
            r.required("directory"),
            r.string("suffix", DEFAULT_SUFFIX),
            r.intValue("maxLineBytes", DEFAULT_MAX_LINE_BYTES),
            r.longValue("settleMillis", DEFAULT_SETTLE_MILLIS),
            r.pacing(DEFAULT_PACING));
    r.done();
    return c;
  }
}
