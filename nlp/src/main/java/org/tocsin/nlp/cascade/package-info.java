/**
 * The scoring cascade: a cheap screen (classifier and lexicon) on every post, language
 * identification, and the deep CoreNLP stage only on the English posts the screen flags.
 */
package org.tocsin.nlp.cascade;
