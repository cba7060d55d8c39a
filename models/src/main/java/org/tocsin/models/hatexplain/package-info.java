/**
 * The hate / offensive / normal classifier trained on HateXplain's official split: data reading,
 * training, evaluation and the benchmark of the shipped artifact.
 */
package org.tocsin.models.hatexplain;
