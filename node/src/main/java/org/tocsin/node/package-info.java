/**
 * One Tocsin node: the ledger-first ingest path (capture, ledger, parse, score, index) and the
 * catch-up that keeps the index a derived view of the ledger.
 */
package org.tocsin.node;
