/** The NLP cascade benchmark: screen, Lingua, CoreNLP deep stage and the whole cascade. */
package org.tocsin.bench.nlp;
