/** The RSS / Atom connector: conditional GET (ETag, If-Modified-Since), parsed with ROME. */
package org.tocsin.crawler.source.rss;
