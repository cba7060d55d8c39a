/**
 * What the connectors share and callers must not use: the polling loop with its backoff and status,
 * the robots.txt gate, and typed reading of source entries.
 */
package org.tocsin.crawler.source.internal;
