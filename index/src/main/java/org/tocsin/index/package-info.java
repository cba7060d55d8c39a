/**
 * The Lucene index of scored posts: a derived view of the evidence ledger whose commits record the
 * last ledger sequence number they hold, with full-text search, paging, sorting and highlighting.
 *
 * <p>Start at {@link org.tocsin.index.PostIndex}.
 */
package org.tocsin.index;
