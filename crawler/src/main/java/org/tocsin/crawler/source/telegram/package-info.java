/**
 * The Telegram public channel connector: {@code t.me/s/<channel>} preview pages, walked back with
 * {@code ?before=N} and polled forward with {@code ?after=N}, under the site's robots.txt.
 */
package org.tocsin.crawler.source.telegram;
