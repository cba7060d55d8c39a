/** Telegram public channel preview pages ({@code https://t.me/s/<channel>}). */
package org.tocsin.crawler.parse.telegram;
