package org.tocsin.evidence;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.tocsin.evidence.format.v1.FormatV1;
import org.tocsin.evidence.format.v1.LedgerHeader;

/** File-level steps of opening a ledger: the directory lock, creation, and quarantine. */
final class LedgerFiles {

  /** The lock file that keeps a second writer out of a ledger directory. */
  static final String LOCK_FILE = "ledger.lock";

  private static final String QUARANTINE_INFIX = ".torn-";

  private LedgerFiles() {}

  /**
   * Takes the exclusive lock on the directory's lock file; closing the returned channel releases
   * it.
   *
   * @throws IOException if another process or another open log in this JVM holds it
   */
  static FileChannel lock(Path dir) throws IOException {
    FileChannel ch =
        FileChannel.open(
            dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    if (lock == null) {
      ch.close();
      throw new IOException("ledger is already open by another writer [" + dir + "]");
    }
    return ch;
  }

  /**
   * Creates a ledger file holding only a new header, atomically: the header is written and synced
   * under a temporary name, then renamed into place, so a crash never leaves a partial header.
   */
  static void create(Path file, Clock clock) throws IOException {
    byte[] id = new byte[FormatV1.LEDGER_ID_BYTES];
    new SecureRandom().nextBytes(id);
    byte[] header = LedgerHeader.encode(clock.millis(), id);
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, FormatV1.FILE_NAME, ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        writeFully(ch, ByteBuffer.wrap(header), 0);
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    fsyncDir(dir);
  }

  /**
   * Copies the torn tail {@code [offset, size)} to a new quarantine file and syncs it, then cuts
   * the ledger back to {@code offset} and syncs that. The evidence is never destroyed: the cut
   * happens only once the copy is durable.
   */
  static RecoveryReport quarantine(
      FileChannel ledger, Path file, long offset, long size, String reason) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path target = null;
    FileChannel out = null;
    for (int attempt = 1; out == null; attempt++) {
      String name =
          file.getFileName() + QUARANTINE_INFIX + offset + (attempt > 1 ? "-" + attempt : "");
      target = dir.resolve(name);
      try {
        out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } catch (FileAlreadyExistsException e) {
        if (attempt >= 1000) {
          throw new IOException(
              "cannot find a free quarantine file name [last tried " + target + "]", e);
        }
      }
    }
    try (FileChannel q = out) {
      long copied = 0;
      while (copied < size - offset) {
        long n = ledger.transferTo(offset + copied, size - offset - copied, q);
        if (n <= 0) {
          throw new IOException(
              "ledger ended while quarantining its tail [at offset " + (offset + copied) + "]");
        }
        copied += n;
      }
      q.force(true);
    }
    fsyncDir(dir);
    ledger.truncate(offset);
    ledger.force(true);
    long cut = size - offset;
    return new RecoveryReport(
        cut,
        target,
        "torn tail of "
            + cut
            + " bytes at offset "
            + offset
            + " moved to "
            + target.getFileName()
            + " ("
            + reason
            + ")");
  }

  /** Makes a directory's entries (a rename, a new file) durable; a no-op where not supported. */
  static void fsyncDir(Path dir) throws IOException {
    if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
      return; // Windows cannot open a directory as a channel; NTFS journals the rename.
    }
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }

  static void writeFully(FileChannel ch, ByteBuffer src, long position) throws IOException {
    long at = position;
    while (src.hasRemaining()) {
      at += ch.write(src, at);
    }
  }

  /**
   * Closes every resource, attaching failures to {@code primary}, or throwing the first if none.
   */
  static void closeAll(List<? extends Closeable> resources, Throwable primary) throws IOException {
    IOException first = null;
    for (Closeable c : resources) {
      try {
        c.close();
      } catch (IOException e) {
        if (primary != null) {
          primary.addSuppressed(e);
        } else if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
