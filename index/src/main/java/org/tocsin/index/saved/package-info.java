/**
 * Saved searches: named queries with their filters and order, kept in a JSON file so that analysts
 * can run them again.
 */
package org.tocsin.index.saved;
