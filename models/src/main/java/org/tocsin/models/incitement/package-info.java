/**
 * The hand-labelled incitement set (models/incitement) and the measurement of the shipped scorer's
 * {@code incitement} score on it: threshold chosen on dev, precision, recall, F1 and PR-AUC
 * reported on test; and the agreement of a second, blind annotation with the set's labels (Cohen's
 * kappa, models/incitement/second-annotation).
 */
package org.tocsin.models.incitement;
