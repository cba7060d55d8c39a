/**
 * Text handling shared by the scorers: a bounded, language-neutral word tokenizer that lower-cases
 * with {@link java.util.Locale#ROOT} and keeps character offsets into the original text.
 */
package org.tocsin.nlp.text;
