package org.tocsin.evidence.blob;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.regex.Pattern;
import org.tocsin.evidence.EvidenceCorruptException;
import org.tocsin.evidence.format.v1.Sha256;

/**
 * Blobs named by the lower-case hex SHA-256 of their bytes, at {@code
 * <dir>/sha256/<h0h1>/<h2h3>/<hex>}. A blob is written once: to a temporary file in {@code
 * <dir>/tmp}, which is fsynced, then renamed into place, and the shard directory is fsynced, so
 * that {@link #put} returns only when the blob is durable. Storing bytes that are already there
 * writes nothing. Reads check the digest. Thread-safe; several processes may share a store.
 */
public final class BlobStore {

  private static final Pattern NAME = Pattern.compile("[0-9a-f]{64}");

  private final Path dir;
  private final Path tmp;

  private BlobStore(Path dir) {
    this.dir = dir;
    this.tmp = dir.resolve("tmp");
  }

  /** Opens the store in {@code dir}, creating it if absent. */
  public static BlobStore open(Path dir) throws IOException {
    Objects.requireNonNull(dir, "dir");
    Files.createDirectories(dir.resolve("sha256"));
    Files.createDirectories(dir.resolve("tmp"));
    return new BlobStore(dir);
  }

  /** The store's directory. */
  public Path dir() {
    return dir;
  }

  /**
   * Stores bytes and returns their name (lower-case hex SHA-256) once they are durable.
   *
   * @throws EvidenceCorruptException if a blob of that name exists with other bytes
   */
  public String put(byte[] data) throws IOException {
    Objects.requireNonNull(data, "data");
    String name = Sha256.hex(Sha256.digest(data));
    Path target = path(name);
    if (Files.exists(target)) {
      if (Files.size(target) != data.length) {
        throw new EvidenceCorruptException(
            "blob " + name + " exists with " + Files.size(target) + " bytes, not " + data.length,
            target);
      }
      return name;
    }
    Path shard = target.getParent();
    if (!Files.isDirectory(shard)) {
      Files.createDirectories(shard);
      fsyncDir(shard.getParent());
      fsyncDir(shard.getParent().getParent());
    }
    Path t = Files.createTempFile(tmp, name.substring(0, 8), ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(t, StandardOpenOption.WRITE)) {
        ByteBuffer b = ByteBuffer.wrap(data);
        while (b.hasRemaining()) {
          ch.write(b);
        }
        ch.force(true);
      }
      try {
        Files.move(t, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException e) {
        // Another writer stored the same bytes first: the name proves the content is equal.
        return name;
      }
      fsyncDir(shard);
    } finally {
      Files.deleteIfExists(t);
    }
    return name;
  }

  /**
   * Reads a blob and checks that it hashes to its name.
   *
   * @throws NoSuchFileException if there is no blob of that name
   * @throws EvidenceCorruptException if the bytes do not hash to the name
   */
  public byte[] get(String name) throws IOException {
    Path p = path(name);
    byte[] data = Files.readAllBytes(p);
    String actual = Sha256.hex(Sha256.digest(data));
    if (!actual.equals(name)) {
      throw new EvidenceCorruptException(
          "blob " + name + " hashes to " + actual + " (changed or swapped)", p);
    }
    return data;
  }

  /** Whether a blob of that name is stored (its content is not checked). */
  public boolean contains(String name) {
    return Files.exists(path(name));
  }

  /**
   * Where a blob of that name is (or would be) stored.
   *
   * @throws IllegalArgumentException if the name is not 64 lower-case hex digits
   */
  public Path path(String name) {
    if (!NAME.matcher(Objects.requireNonNull(name, "name")).matches()) {
      throw new IllegalArgumentException(
          "blob name must be 64 lower-case hex digits [got " + name + "]");
    }
    return dir.resolve("sha256")
        .resolve(name.substring(0, 2))
        .resolve(name.substring(2, 4))
        .resolve(name);
  }

  private static void fsyncDir(Path d) throws IOException {
    try (FileChannel ch = FileChannel.open(d, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }
}
