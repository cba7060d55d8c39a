/** Scoring a batch of posts on several cores, in order, for any thread-safe scorer. */
package org.tocsin.nlp.batch;
