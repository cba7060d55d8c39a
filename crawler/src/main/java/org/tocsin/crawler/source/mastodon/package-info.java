/** The Mastodon REST timeline connector (Link-header pagination with max_id / min_id). */
package org.tocsin.crawler.source.mastodon;
