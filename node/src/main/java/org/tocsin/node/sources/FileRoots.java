package org.tocsin.node.sources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tocsin.crawler.source.SourceConfig;
import org.tocsin.crawler.source.files.DirectoryWatchConfig;

/**
 * Confines {@code files} sources to the directories of {@code security.fileRoots}: the source's
 * directory, with every symbolic link resolved, must lie inside one root (also resolved), so that
 * neither {@code ..} nor a link leads out. The watcher itself skips links inside its directory.
 */
final class FileRoots {
  private FileRoots() {}

  /** A files source outside the roots (answered as 400). */
  static final class OutsideRootsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    OutsideRootsException(String message) {
      super(message);
    }
  }

  /**
   * Checks a source; other types pass.
   *
   * @throws OutsideRootsException naming the source and the directory as given if it is not inside
   *     a root, does not exist, or no root is configured
   */
  static void check(SourceConfig c, List<String> roots) {
    if (!(c instanceof DirectoryWatchConfig d)) {
      return;
    }
    String given = d.directory();
    if (roots.isEmpty()) {
      throw new OutsideRootsException(
          "source '"
              + d.source()
              + "': files sources may read only inside security.fileRoots, and none is configured"
              + " [got "
              + given
              + "]");
    }
    Path dir;
    try {
      dir = Path.of(given).toRealPath();
    } catch (IOException | RuntimeException e) {
      throw new OutsideRootsException(
          "source '" + d.source() + "': the directory does not exist [got " + given + "]");
    }
    if (!Files.isDirectory(dir)) {
      throw new OutsideRootsException(
          "source '" + d.source() + "': not a directory [got " + given + "]");
    }
    for (String r : roots) {
      Path root;
      try {
        root = Path.of(r).toRealPath();
      } catch (IOException | RuntimeException e) {
        continue; // a root that does not exist holds nothing
      }
      if (dir.startsWith(root)) {
        return;
      }
    }
    throw new OutsideRootsException(
        "source '"
            + d.source()
            + "': the directory is outside security.fileRoots (links resolved) [got "
            + given
            + "]");
  }
}
