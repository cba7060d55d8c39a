/**
 * The index schema: the names of the indexed fields, the names users may type in queries, and the
 * mapping between a {@link org.tocsin.core.post.ScoredPost} and a Lucene document.
 */
package org.tocsin.index.schema;
