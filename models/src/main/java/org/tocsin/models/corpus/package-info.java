/** Readers of the labelled corpora besides HateXplain that training can add to its train split. */
package org.tocsin.models.corpus;
