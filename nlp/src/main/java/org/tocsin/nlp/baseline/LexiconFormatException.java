package org.tocsin.nlp.baseline;

import java.io.IOException;
import java.util.Objects;

/** A lexicon file that cannot be read: wrong header, unsupported version or a malformed line. */
public final class LexiconFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String resource;
  private final int line;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, with the bad value
   * @param resource the file or classpath resource that was read
   * @param line the 1-based line number of the problem
   */
  public LexiconFormatException(String message, String resource, int line) {
    super(Objects.requireNonNull(resource, "resource") + ", line " + line + ": " + message);
    this.resource = resource;
    this.line = line;
  }

  /** The file or classpath resource that was read. */
  public String resource() {
    return resource;
  }

  /** The 1-based line number of the problem. */
  public int line() {
    return line;
  }
}
