/**
 * The Merkle tree over the ledger in the manner of RFC 9162 (Certificate Transparency 2.0): leaf
 * and node hashes with domain separation, an incremental tree that keeps every complete subtree,
 * inclusion and consistency proofs, and verifiers that need only a proof, a leaf and a tree head.
 */
package org.tocsin.evidence.merkle;
