/**
 * The deep stage of the scoring cascade: Stanford CoreNLP (tokenize, ssplit, pos, lemma and the
 * 3-class NER model) on English posts, turned into evidence the lexicon cannot see: named persons,
 * organisations and places, imperatives and modal + violent verb constructions.
 */
package org.tocsin.nlp.corenlp;
