/**
 * What every connector shares: the {@link org.tocsin.crawler.source.CaptureSink} it hands captures
 * to, the {@link org.tocsin.crawler.source.CursorStore} it persists its position in (only after the
 * sink acknowledged), and the {@link org.tocsin.crawler.source.SourceStatus} it reports.
 */
package org.tocsin.crawler.source;
