/**
 * The node's small files (API keys, watchlists, alert rules, sources, webhook cursors), written
 * whole or not at all. The lowest package of the module: it imports no other.
 */
package org.tocsin.node.files;
