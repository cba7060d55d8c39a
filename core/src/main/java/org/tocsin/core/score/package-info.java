/**
 * Scores: the three-way hate / offensive / normal decision, incitement and dehumanisation, target
 * groups, the six Rabat factors with their evidence, and the explanation behind each number.
 */
package org.tocsin.core.score;
