package org.tocsin.models.functional;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the suite's files come from: the classpath ({@code tocsin/functional/...}, shipped in the
 * models jar) or a directory laid out like models/functional.
 */
public final class SuiteSource {
  /** The classpath prefix of the shipped suite. */
  public static final String RESOURCE_ROOT = "tocsin/functional/";

  private final Path dir;
  private final ClassLoader loader;

  private SuiteSource(Path dir, ClassLoader loader) {
    this.dir = dir;
    this.loader = loader;
  }

  /** The suite shipped in the models jar. */
  public static SuiteSource classpath() {
    return new SuiteSource(null, SuiteSource.class.getClassLoader());
  }

  /** The suite in {@code dir} (models/functional in a checkout). */
  public static SuiteSource directory(Path dir) {
    return new SuiteSource(dir, null);
  }

  /** A name for messages: the directory or {@code classpath:tocsin/functional}. */
  public String name() {
    return dir != null ? dir.toString() : "classpath:" + RESOURCE_ROOT;
  }

  /**
   * The lines of {@code relative} ({@code train/en.tsv}), or {@code null} when it does not exist.
   */
  public List<String> lines(String relative) throws IOException {
    if (dir != null) {
      Path p = dir.resolve(relative);
      return Files.isRegularFile(p) ? Files.readAllLines(p, StandardCharsets.UTF_8) : null;
    }
    try (InputStream in = loader.getResourceAsStream(RESOURCE_ROOT + relative)) {
      if (in == null) {
        return null;
      }
      List<String> out = new ArrayList<>();
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()))) {
        String line;
        while ((line = r.readLine()) != null) {
          out.add(line);
        }
      }
      return out;
    }
  }
}
