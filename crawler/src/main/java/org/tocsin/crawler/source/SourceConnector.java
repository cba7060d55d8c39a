package org.tocsin.crawler.source;

/**
 * A deployed connector as the dashboard sees it: its configured name and its current status.
 * Implementations are verticles; both methods are safe to call from any thread.
 */
public interface SourceConnector {

  /** The configured source name (also its cursor key). */
  String name();

  /** The source's current status. */
  SourceStatus status();
}
