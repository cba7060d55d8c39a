/**
 * Watchlists: analyst-edited coded terms per context (a country, a conflict) that feed the Rabat
 * context factor, applied to every score without a restart.
 */
package org.tocsin.nlp.watchlist;
