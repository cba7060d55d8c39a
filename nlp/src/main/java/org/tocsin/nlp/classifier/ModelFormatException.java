package org.tocsin.nlp.classifier;

import java.io.IOException;
import java.util.Objects;

/**
 * A model artifact that cannot be loaded: a missing or truncated file, a checksum mismatch, an
 * unsupported format version or a malformed manifest. The message names the offending file.
 */
public final class ModelFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String resource;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, with the bad value
   * @param resource the file or classpath resource at fault
   */
  public ModelFormatException(String message, String resource) {
    this(message, resource, null);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what is wrong, with the bad value
   * @param resource the file or classpath resource at fault
   * @param cause the underlying failure, or {@code null}
   */
  public ModelFormatException(String message, String resource, Throwable cause) {
    super(Objects.requireNonNull(resource, "resource") + ": " + message, cause);
    this.resource = resource;
  }

  /** The file or classpath resource at fault. */
  public String resource() {
    return resource;
  }
}
