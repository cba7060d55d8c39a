/**
 * The Mastodon connectors: the REST timeline walk (Link-header pagination with max_id / min_id) and
 * the streaming API over server-sent events with reconnect and REST gap fill.
 */
package org.tocsin.crawler.source.mastodon;
