/** Highlighting: plain-text fragments of a post's text with the matched terms marked. */
package org.tocsin.index.highlight;
