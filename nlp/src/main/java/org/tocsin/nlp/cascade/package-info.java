/**
 * The scoring cascade: a cheap screen (classifier and lexicon) on every post, and the deep CoreNLP
 * stage only on the posts in a deep-stage language (English; German when configured) whose screen
 * found a violent act or call to action together with a target group (or a high incitement
 * pre-score); the platform's language tag first, Lingua only for untagged candidates.
 */
package org.tocsin.nlp.cascade;
