/**
 * The index benchmark: a million-post corpus generated from the demo corpus, indexed and queried
 * through {@link org.tocsin.index.PostIndex} and through plain Lucene on the same documents. Run by
 * hand ({@link org.tocsin.index.bench.IndexBenchmark#main}); not a test.
 */
package org.tocsin.index.bench;
