package org.tocsin.index;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The index on disk was written with another schema than this build reads. The index is a derived
 * view of the ledger: rebuild it from there ({@code tocsin reindex}).
 */
public final class IndexSchemaException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path path;

  /** Creates the exception for the index at {@code path}. */
  public IndexSchemaException(String message, Path path) {
    super(message);
    this.path = path;
  }

  /** The index directory. */
  public Path path() {
    return path;
  }
}
