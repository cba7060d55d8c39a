/**
 * Turning a user's query string (classic Lucene query syntax) into a bounded Lucene query, with
 * friendly field names, numeric and date ranges, and errors a user can act on.
 */
package org.tocsin.index.query;
