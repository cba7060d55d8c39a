/**
 * Version 1 of the ledger file format: the file header, record framing, hashing and the scan that
 * checks a file and finds a torn tail. {@code docs/evidence-format.md} is the specification.
 */
package org.tocsin.evidence.format.v1;
