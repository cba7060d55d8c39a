/**
 * The evidence ledger: an append-only, hash-chained log of raw captures and custody events, made
 * durable by group commit before anything downstream sees them.
 *
 * <p>Start from {@link org.tocsin.evidence.EvidenceLog} and open one with {@link
 * org.tocsin.evidence.FileEvidenceLog#open(java.nio.file.Path)}. The on-disk format is described in
 * {@code docs/evidence-format.md} and implemented in {@link org.tocsin.evidence.format.v1}.
 */
package org.tocsin.evidence;
