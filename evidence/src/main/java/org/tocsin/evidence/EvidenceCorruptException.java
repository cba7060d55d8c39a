package org.tocsin.evidence;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The ledger's bytes are not what the format and the hash chain say they must be: a record was
 * altered, removed, reordered or duplicated, or the file is not a ledger this reader supports.
 */
public final class EvidenceCorruptException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Path objects are not serializable; the message keeps the path as text. */
  private final transient Path path;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, with the seq and byte offset where they apply
   * @param path the file that is corrupt, or {@code null} when the bytes did not come from a file
   */
  public EvidenceCorruptException(String message, Path path) {
    super(path == null ? message : message + " (file=" + path + ")");
    this.path = path;
  }

  /** Creates the exception with the error that revealed the corruption. */
  public EvidenceCorruptException(String message, Path path, Throwable cause) {
    super(path == null ? message : message + " (file=" + path + ")", cause);
    this.path = path;
  }

  /** The corrupt file, or {@code null} when the bytes did not come from a file. */
  public Path path() {
    return path;
  }
}
