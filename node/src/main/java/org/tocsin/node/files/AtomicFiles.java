package org.tocsin.node.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Replaces a small file atomically: temp file, fsync, rename; a crash leaves the old or the new
 * content, never half of it. Used by every small store of the node (API keys, watchlists, alert
 * rules and webhook cursors).
 */
public final class AtomicFiles {
  private static final Logger LOG = Logger.getLogger(AtomicFiles.class.getName());
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private AtomicFiles() {}

  /**
   * Writes {@code bytes} to {@code file} atomically.
   *
   * @throws IOException if it cannot be written; the old content then stays
   */
  public static void write(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(tmp, bytes);
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Writes {@code bytes} to {@code file} atomically as a file only its owner may read or write
   * (mode 0600 where the file system has POSIX permissions): a temp file of a unique name made with
   * that mode, fsync, atomic rename, fsync of the directory. Callers that may race hold a lock; the
   * unique temp name keeps even a racing caller from writing into another's temp file.
   *
   * @throws IOException if it cannot be written; the old content then stays
   */
  public static void writePrivate(Path file, byte[] bytes) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp =
        posix()
            ? Files.createTempFile(dir, file.getFileName() + ".", ".tmp", ownerOnly())
            : Files.createTempFile(dir, file.getFileName() + ".", ".tmp");
    try {
      Files.write(tmp, bytes);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    syncDirectory(dir);
  }

  /**
   * Narrows a file to its owner (mode 0600) where the file system has POSIX permissions; elsewhere
   * does nothing.
   *
   * @throws IOException if the permissions cannot be set
   */
  public static void restrictToOwner(Path file) throws IOException {
    if (posix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
      Files.setPosixFilePermissions(file, OWNER_ONLY);
    }
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  private static FileAttribute<Set<PosixFilePermission>> ownerOnly() {
    return PosixFilePermissions.asFileAttribute(OWNER_ONLY);
  }

  /** Makes a rename durable (Linux and macOS; other systems cannot open a directory). */
  private static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      LOG.log(Level.FINE, "cannot fsync directory " + dir + " on this platform", e);
    }
  }
}
