package org.tocsin.node;

/**
 * What one catch-up of the index with the ledger did.
 *
 * @param fromSeq the first ledger seq looked at
 * @param toSeq the last ledger seq now held by the index (0 when the ledger is empty)
 * @param records ledger records read
 * @param postsIndexed posts scored and indexed
 * @param parseErrors capture records whose bytes could not be parsed (kept in the ledger)
 * @param capturesParsed capture records read back from the ledger and parsed by the catch-up
 *     itself; the others' posts were handed over by the import that parsed them as it appended them
 *     ({@link LedgerIndexer#parsedAhead})
 */
public record CatchUpReport(
    long fromSeq,
    long toSeq,
    long records,
    long postsIndexed,
    long parseErrors,
    long capturesParsed) {}
