/**
 * The assembly of the scorer Tocsin ships, from nlp-owned settings: the bundled classifiers and
 * lexicons, the language router and, when configured, the cascade. The node, the benchmarks and the
 * model evaluations all build their scorer here, so that they score with the same one.
 */
package org.tocsin.nlp.assembly;
