/**
 * Benchmarks of the NLP stage: the scorers alone, and the cascade (screen, Lingua, CoreNLP deep
 * stage, the whole cascade).
 */
package org.tocsin.bench.nlp;
