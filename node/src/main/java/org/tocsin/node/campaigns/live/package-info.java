/**
 * Live campaigns: the streaming detector fed by the node's indexer, its campaigns for the API and
 * its events for campaign alert rules.
 */
package org.tocsin.node.campaigns.live;
