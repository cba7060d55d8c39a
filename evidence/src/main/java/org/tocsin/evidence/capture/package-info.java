/**
 * The payload of {@code CAPTURE} records: a capture's metadata as JSON followed by its raw body
 * bytes, with the body's SHA-256 in the metadata.
 */
package org.tocsin.evidence.capture;
