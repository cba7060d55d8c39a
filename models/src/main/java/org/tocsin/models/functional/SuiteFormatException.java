package org.tocsin.models.functional;

/** A suite file that cannot be read: names the file and the line. */
public final class SuiteFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A problem at {@code line} (1-based) of {@code file}. */
  public SuiteFormatException(String file, int line, String message) {
    super(file + ":" + line + ": " + message);
  }

  /** A problem with {@code file} as a whole. */
  public SuiteFormatException(String file, String message) {
    super(file + ": " + message);
  }
}
