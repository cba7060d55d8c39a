/** The composition root: wires ledger, scorer, index and API into one node; the CLI and main. */
package org.tocsin.api;
