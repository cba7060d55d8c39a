/** Campaigns over the node's preserved posts: a derived view rebuilt from the ledger and index. */
package org.tocsin.node.campaigns;
