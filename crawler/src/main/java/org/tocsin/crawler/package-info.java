/**
 * Connectors for public sources: they capture raw responses, hand them to the ledger through a
 * {@link org.tocsin.crawler.source.CaptureSink}, and parse captures into posts.
 */
package org.tocsin.crawler;
