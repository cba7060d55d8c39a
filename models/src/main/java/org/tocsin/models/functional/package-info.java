/**
 * Tocsin's own functional test suite for hate speech and incitement (models/functional): templates
 * written for Tocsin, one case per linguistic function, target group and language, expanded
 * deterministically into cases with a gold label, split into a train part and a test part that
 * share no template and no split filler; and the evaluation of any {@link
 * org.tocsin.core.score.PostScorer} on them (accuracy per function, group and language, false
 * positives on identity statements per group, incitement recall and ROC-AUC).
 */
package org.tocsin.models.functional;
