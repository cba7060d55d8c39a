package org.tocsin.models;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the team's labelled corpora ({@code shared/data}, see DATA.md) from wherever the tests run:
 * a checkout, a worktree or a CI clone. The first ancestor of the working directory that holds
 * {@code shared/data} wins; tests that need a corpus skip with a clear message when none does.
 */
public final class SharedData {
  private SharedData() {}

  /**
   * The path of a file or directory under {@code shared/data}, e.g. {@code germeval2018}; a path
   * that does not exist (so that {@code assumeTrue(Files.exists(..))} skips) when no ancestor holds
   * the corpora.
   */
  public static Path resolve(String relative) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path data = dir.resolve("shared").resolve("data");
      if (Files.isDirectory(data)) {
        return data.resolve(relative);
      }
    }
    return Path.of("shared", "data").resolve(relative);
  }
}
