/**
 * The 4chan connector: a board's {@code threads.json} or {@code catalog.json} with {@code
 * If-Modified-Since}, then {@code thread/N.json} of every changed thread, at most one request a
 * second as the API rules require.
 */
package org.tocsin.crawler.source.fourchan;
