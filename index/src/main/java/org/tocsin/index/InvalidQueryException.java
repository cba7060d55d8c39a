package org.tocsin.index;

/**
 * A query that cannot be run: bad syntax, an unknown field, a leading wildcard, too many terms, a
 * number where a number is needed. The message says what is wrong in words a user can act on and,
 * where the parser knows it, the column ({@link #column()}, counted from 1).
 */
public class InvalidQueryException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int column;

  /** Creates the exception with a message for the user. */
  public InvalidQueryException(String message) {
    this(message, -1);
  }

  /** Creates the exception with a message for the user and the column (from 1) at fault. */
  public InvalidQueryException(String message, int column) {
    super(message);
    this.column = column;
  }

  /** Creates the exception with a message for the user and the parser's error. */
  public InvalidQueryException(String message, int column, Throwable cause) {
    super(message, cause);
    this.column = column;
  }

  /** The column of the query (counted from 1) at fault, or -1 if it is not known. */
  public int column() {
    return column;
  }
}
