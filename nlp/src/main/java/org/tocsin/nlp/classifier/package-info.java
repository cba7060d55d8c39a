/**
 * Trained text classifiers: the hashed n-gram features, the versioned artifact format written by
 * the {@code models} module, and thread-safe inference with occlusion explanations.
 */
package org.tocsin.nlp.classifier;
