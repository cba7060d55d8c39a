package org.tocsin.crawler.outbound;

/**
 * A URL the node may not contact, with a stable reason code ({@code bad_url}, {@code scheme},
 * {@code bad_address}, {@code unresolvable}, {@code loopback}, {@code private}, {@code link_local},
 * {@code unspecified}, {@code multicast}, {@code shared}, {@code reserved}). The message names only
 * what the caller gave (the URL's host), never an address it resolved to. Stackless: it is an
 * expected outcome.
 */
public final class OutboundRefusedException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String reason;

  /** Creates the exception. */
  public OutboundRefusedException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** The stable reason code. */
  public String reason() {
    return reason;
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
