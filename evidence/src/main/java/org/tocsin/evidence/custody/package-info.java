/**
 * Custody events: the {@code CUSTODY} record payload (who did what to which evidence, when and
 * why), its JSON codec, and the in-memory index from a capture's seq to the custody records naming
 * it.
 */
package org.tocsin.evidence.custody;
