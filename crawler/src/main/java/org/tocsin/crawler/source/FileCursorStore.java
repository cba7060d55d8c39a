package org.tocsin.crawler.source;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Cursors as one JSON file per source in a directory. A save writes a temporary file, fsyncs it,
 * renames it over the old file atomically and fsyncs the directory, so a crash leaves either the
 * old or the new cursor, never a torn one. File I/O runs off the event loop.
 */
public final class FileCursorStore implements CursorStore {

  private final Vertx vertx;
  private final Path dir;

  /** Creates a store in {@code dir} (created on first save). */
  public FileCursorStore(Vertx vertx, Path dir) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.dir = Objects.requireNonNull(dir, "dir");
  }

  @Override
  public Future<JsonObject> load(String source) {
    Path file = file(source);
    return vertx.executeBlocking(
        () -> {
          if (!Files.exists(file)) {
            return new JsonObject();
          }
          String text = Files.readString(file, StandardCharsets.UTF_8);
          try {
            return new JsonObject(text);
          } catch (DecodeException e) {
            throw new IOException("cursor file is not a JSON object [got " + file + "]", e);
          }
        },
        false);
  }

  @Override
  public Future<Void> save(String source, JsonObject cursor) {
    Path file = file(source);
    byte[] bytes = cursor.encode().getBytes(StandardCharsets.UTF_8);
    return vertx.executeBlocking(
        () -> {
          write(file, bytes);
          return null;
        },
        false);
  }

  /** The file that holds a source's cursor. */
  public Path file(String source) {
    Objects.requireNonNull(source, "source");
    String safe = source.replaceAll("[^A-Za-z0-9._-]", "_");
    if (safe.length() > 80) {
      safe = safe.substring(0, 80);
    }
    return dir.resolve(safe + "-" + shortHash(source) + ".json");
  }

  private void write(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(dir);
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException(
          "the cursor directory does not support atomic rename [got " + dir + "]", e);
    }
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    }
  }

  private static String shortHash(String s) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
