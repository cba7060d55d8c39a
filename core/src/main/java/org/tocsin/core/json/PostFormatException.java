package org.tocsin.core.json;

/**
 * A Post JSON document that does not follow the contract. The message names the field and the value
 * that was wrong, so that a user can fix the line.
 */
public final class PostFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that names the field at fault. */
  public PostFormatException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the parser's error. */
  public PostFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
