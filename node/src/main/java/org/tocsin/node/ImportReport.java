package org.tocsin.node;

/**
 * What an import did.
 *
 * @param source the file or stream imported
 * @param linesRead lines read, blank ones included
 * @param accepted posts stored in the ledger
 * @param rejected lines skipped as invalid
 * @param firstSeq ledger seq of the first post stored, or 0 if none
 * @param lastSeq ledger seq of the last post stored, or 0 if none
 */
public record ImportReport(
    String source, long linesRead, long accepted, long rejected, long firstSeq, long lastSeq) {}
