/**
 * Signed tree heads: the Ed25519 key pair of a ledger ({@link
 * org.tocsin.evidence.sign.TreeHeadKeys}), the {@code TREE_HEAD} payload ({@link
 * org.tocsin.evidence.sign.SignedTreeHead}) and the signer that appends one at an interval and on
 * shutdown ({@link org.tocsin.evidence.sign.TreeHeadSigner}).
 */
package org.tocsin.evidence.sign;
