/** Mastodon REST and streaming payloads (statuses, {@code update}/{@code delete} events). */
package org.tocsin.crawler.parse.mastodon;
