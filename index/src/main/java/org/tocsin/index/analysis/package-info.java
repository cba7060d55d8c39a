/**
 * Analyzers: how post text and keyword fields are split into terms, at index time and query time
 * alike, so that a query term always meets the term the index holds. Post text is analysed twice:
 * language-neutral ({@link org.tocsin.index.analysis.TextAnalyzer}, every post) and by the post's
 * language ({@link org.tocsin.index.analysis.LanguageAnalyzers}: stemmers, a Ukrainian lemmatiser,
 * ICU segmentation).
 */
package org.tocsin.index.analysis;
