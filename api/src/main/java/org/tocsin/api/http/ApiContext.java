package org.tocsin.api.http;

import java.util.Objects;
import org.tocsin.api.auth.ApiKeyStore;
import org.tocsin.api.campaigns.CampaignService;
import org.tocsin.api.node.TocsinNode;

/**
 * What the API serves: the node, its derived campaign view and its API keys.
 *
 * @param node the node
 * @param campaigns campaigns among the node's posts
 * @param keys the API keys
 */
public record ApiContext(TocsinNode node, CampaignService campaigns, ApiKeyStore keys) {
  /** Checks that nothing is missing. */
  public ApiContext {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(campaigns, "campaigns");
    Objects.requireNonNull(keys, "keys");
  }
}
