package org.tocsin.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.Logger;
import org.apache.lucene.util.IOUtils;

/**
 * The directories of an index rebuild on disk and the steps that put a rebuild in place, each one
 * atomic rename, so that a crash at any point leaves one usable index for the next open.
 *
 * <p>Beside the index directory {@code D}: {@code D.rebuild} is a rebuild being built; {@code
 * D.complete} is a rebuild that finished and awaits the swap; {@code D.old} is a replaced index
 * being deleted. The swap renames {@code D} to {@code D.old}, then {@code D.complete} to {@code D},
 * then deletes {@code D.old}. {@link #recover} finishes or undoes whatever a crash interrupted: an
 * unfinished rebuild is deleted (the index in {@code D} keeps serving), a complete one is put in
 * place.
 */
final class IndexRebuilds {
  private static final Logger LOG = Logger.getLogger(IndexRebuilds.class.getName());

  private IndexRebuilds() {}

  /** Where a rebuild of the index in {@code dir} is built. */
  static Path building(Path dir) {
    return sibling(dir, ".rebuild");
  }

  /** Where a finished rebuild waits for the swap. */
  static Path complete(Path dir) {
    return sibling(dir, ".complete");
  }

  /** Where the replaced index waits to be deleted. */
  static Path old(Path dir) {
    return sibling(dir, ".old");
  }

  /** Marks the rebuild of {@code dir} as complete: the first step of a swap. */
  static void markComplete(Path dir) throws IOException {
    deleteTree(complete(dir));
    Files.move(building(dir), complete(dir), StandardCopyOption.ATOMIC_MOVE);
  }

  /** Puts the complete rebuild in the place of the index (which must be closed). */
  static void swap(Path dir) throws IOException {
    deleteTree(old(dir));
    if (Files.exists(dir)) {
      Files.move(dir, old(dir), StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(complete(dir), dir, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Deletes the replaced index. Open files of searches still running stay readable (POSIX). */
  static void dropOld(Path dir) throws IOException {
    deleteTree(old(dir));
  }

  /**
   * Finishes or undoes a rebuild that a crash interrupted, before the index in {@code dir} opens.
   */
  static void recover(Path dir) throws IOException {
    if (Files.isDirectory(complete(dir))) {
      LOG.warning("a complete rebuild of " + dir + " was not yet in place: putting it there now");
      swap(dir);
    }
    if (Files.exists(building(dir))) {
      LOG.warning("an unfinished rebuild of " + dir + " was found: deleting it");
      deleteTree(building(dir));
    }
    dropOld(dir);
  }

  private static Path sibling(Path dir, String suffix) {
    Path abs = dir.toAbsolutePath();
    return abs.resolveSibling(abs.getFileName().toString() + suffix);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      IOUtils.rm(dir);
    }
  }
}
