/** RSS 0.9x/1.0/2.0 and Atom feeds, read with ROME. */
package org.tocsin.crawler.parse.rss;
