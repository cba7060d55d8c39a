/**
 * The content-addressed blob store: bodies and media stored once under their SHA-256, durable
 * before the ledger record that names them, checked against their name on every read.
 */
package org.tocsin.evidence.blob;
