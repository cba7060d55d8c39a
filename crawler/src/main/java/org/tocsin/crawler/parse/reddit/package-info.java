/** Reddit JSON listings ({@code /r/<sub>/new.json}, comment trees, {@code /api/info}). */
package org.tocsin.crawler.parse.reddit;
