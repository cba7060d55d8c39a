/**
 * The English sentence-encoder stage: all-MiniLM-L6-v2 vectors ({@link
 * org.tocsin.nlp.encoder.SentenceEncoder}) read by small logistic heads trained in {@code models}
 * ({@link org.tocsin.nlp.encoder.EncoderHeads}), applied to a score only where a gate says they can
 * matter ({@link org.tocsin.nlp.encoder.EncoderStage}).
 */
package org.tocsin.nlp.encoder;
