/**
 * The weighted coordination graph between accounts: co-shares within a time window, edges that keep
 * the evidence behind them, weight filtering and community detection.
 */
package org.tocsin.campaigns.graph;
