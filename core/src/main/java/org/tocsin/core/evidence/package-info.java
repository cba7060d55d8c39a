/** References from derived data (index, campaigns, alerts) to the original bytes in the ledger. */
package org.tocsin.core.evidence;
