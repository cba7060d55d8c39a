/**
 * The node's live sources under an admin's hand: the sources of the config file merged with those
 * added, paused and removed through the API, kept in the data directory across restarts.
 */
package org.tocsin.node.sources;
