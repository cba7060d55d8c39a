/** 4chan read-only API JSON: threads, catalogs and board index pages. */
package org.tocsin.crawler.parse.fourchan;
