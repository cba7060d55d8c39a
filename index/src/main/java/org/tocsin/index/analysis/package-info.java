/**
 * Analyzers: how post text and keyword fields are split into terms, at index time and query time
 * alike, so that a query term always meets the term the index holds.
 */
package org.tocsin.index.analysis;
