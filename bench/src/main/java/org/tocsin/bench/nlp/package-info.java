/** Benchmarks of the NLP scorers alone. */
package org.tocsin.bench.nlp;
