package org.tocsin.crawler.source;

/** The typed configuration of one source, whatever its type. */
public interface SourceConfig {

  /** The source's name, also its cursor key and the name in its status. */
  String source();
}
