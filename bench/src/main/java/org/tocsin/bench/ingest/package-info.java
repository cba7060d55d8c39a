/** The ingest benchmark: real posts through ledger, scorer and index, next to raw Lucene. */
package org.tocsin.bench.ingest;
