/**
 * Export bundles: a BagIt bag (RFC 8493) of chosen captures with their WARC originals, derived
 * posts and scores, custody histories, Merkle inclusion proofs against a signed tree head, its
 * time-stamp tokens and the public key ({@link org.tocsin.evidence.export.EvidenceExporter}), and
 * the offline check of such a bag with nothing but the bag ({@link
 * org.tocsin.evidence.export.BundleVerifier}). The layout is specified in {@code
 * docs/evidence-format.md}, section "Export bundles".
 */
package org.tocsin.evidence.export;
