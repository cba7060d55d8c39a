/**
 * The deep stage of the scoring cascade: Stanford CoreNLP (tokenize, ssplit, pos, lemma and the
 * 3-class NER model) on English posts, turned into evidence the lexicon cannot see: named persons,
 * organisations and places, imperatives and modal + violent verb constructions, whether a call's
 * verb has a target close by, whether the lexicon's violence terms are used as verbs or as nouns
 * naming an event ("the shooting"), and reporting verbs.
 */
package org.tocsin.nlp.corenlp;
