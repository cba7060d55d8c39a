/**
 * RFC 3161 time-stamps of signed tree heads: a client for a time-stamp authority over HTTP, the
 * {@code TIMESTAMP} record payload, and the checks of a stored token (BouncyCastle bcpkix).
 */
package org.tocsin.evidence.timestamp;
