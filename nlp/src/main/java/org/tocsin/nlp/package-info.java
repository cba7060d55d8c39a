/**
 * Natural-language processing for Tocsin: tokenising post text, and scoring posts for hate,
 * incitement, dehumanisation and the groups they target.
 */
package org.tocsin.nlp;
