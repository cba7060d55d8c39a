/** Bluesky Jetstream events (JSON lines of the {@code /subscribe} WebSocket). */
package org.tocsin.crawler.parse.bluesky;
