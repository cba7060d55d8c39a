/**
 * Parsers from platform payloads (captures) to Post JSON posts, one sub-package per platform, and
 * the {@link org.tocsin.crawler.parse.CrawlerParsers} registry of all of them.
 */
package org.tocsin.crawler.parse;
