/** Small edits of a {@link org.tocsin.core.score.Score} that the scoring stages share. */
package org.tocsin.nlp.edit;
