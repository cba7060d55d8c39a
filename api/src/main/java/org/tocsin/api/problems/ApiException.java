package org.tocsin.api.problems;

/**
 * A request that cannot be answered as asked; becomes an RFC 9457 problem JSON response. Built
 * stackless, like vertx-web's {@code HttpException}: it is an answer, not a bug.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  /**
   * Creates the exception.
   *
   * @param status the HTTP status (4xx for the client's mistakes)
   * @param code a stable, machine-readable cause such as {@code invalid_query}
   * @param message what went wrong, in words the caller can act on
   */
  public ApiException(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The stable cause code. */
  public String code() {
    return code;
  }

  /** A 400 for a bad parameter. */
  public static ApiException badParameter(String name, String message) {
    return new ApiException(400, "invalid_parameter", "parameter '" + name + "': " + message);
  }

  /** A 404 for something that does not exist. */
  public static ApiException notFound(String message) {
    return new ApiException(404, "not_found", message);
  }
}
