/**
 * Polite, bounded HTTP fetching with Vert.x: one capture per response (exact body bytes, status,
 * headers and times), a body size cap, an overall deadline, and a User-Agent naming the operator.
 */
package org.tocsin.crawler.fetch;
