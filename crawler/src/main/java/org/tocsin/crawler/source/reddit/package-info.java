/**
 * The Reddit connector: {@code /r/<sub>/new.json} listings, {@code after} back, {@code before}
 * forward.
 */
package org.tocsin.crawler.source.reddit;
