/**
 * A transparent baseline scorer: a hand-written lexicon of group terms, slurs, dehumanising terms,
 * violence terms, calls to action and imminence cues, matched against post words and combined by
 * documented formulas into the Score contract. It keeps the capture, score and index path running
 * until trained models replace it; see {@link org.tocsin.nlp.baseline.LexiconScorer} for what it
 * does and does not do.
 */
package org.tocsin.nlp.baseline;
