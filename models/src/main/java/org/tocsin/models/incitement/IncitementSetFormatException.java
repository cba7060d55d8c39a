package org.tocsin.models.incitement;

/** A line of an incitement set file is malformed; the message names the file and the line. */
public final class IncitementSetFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** A malformed line {@code line} of {@code name}. */
  public IncitementSetFormatException(String name, int line, String problem) {
    super(name + ":" + line + ": " + problem);
  }
}
