package org.tocsin.api.http;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.tocsin.crawler.source.SourceStatus;
import org.tocsin.node.TocsinNode;
import org.tocsin.node.campaigns.CampaignService;
import org.tocsin.node.keys.ApiKeyStore;
import org.tocsin.node.sources.SourceAdmin;

/**
 * What the API serves: the node, its derived campaign view and its API keys.
 *
 * @param node the node
 * @param campaigns campaigns among the node's posts
 * @param keys the API keys
 * @param sources the live sources' status, in config order
 * @param sourceAdmin the live sources as admins change them (add, pause, resume, remove)
 */
public record ApiContext(
    TocsinNode node,
    CampaignService campaigns,
    ApiKeyStore keys,
    Supplier<List<SourceStatus>> sources,
    SourceAdmin sourceAdmin) {
  /** Checks that nothing is missing. */
  public ApiContext {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(campaigns, "campaigns");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(sources, "sources");
    Objects.requireNonNull(sourceAdmin, "sourceAdmin");
  }

  /** A context whose sources admins change through {@code sourceAdmin}. */
  public ApiContext(
      TocsinNode node, CampaignService campaigns, ApiKeyStore keys, SourceAdmin sourceAdmin) {
    this(node, campaigns, keys, sourceAdmin::status, sourceAdmin);
  }

  /** A context whose sources are listed but cannot be changed. */
  public ApiContext(
      TocsinNode node,
      CampaignService campaigns,
      ApiKeyStore keys,
      Supplier<List<SourceStatus>> sources) {
    this(node, campaigns, keys, sources, SourceAdmin.readOnly(sources));
  }

  /** A context with no live sources. */
  public ApiContext(TocsinNode node, CampaignService campaigns, ApiKeyStore keys) {
    this(node, campaigns, keys, List::of);
  }
}
