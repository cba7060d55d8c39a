package org.tocsin.campaigns.stream;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tocsin.campaigns.signal.Signal;

/**
 * A snapshot of a campaign as the stream sees it: the accounts it holds now and the edges between
 * them that are still retained. For the full evidence, run batch detection over its accounts'
 * posts.
 *
 * @param id stable id, see {@link org.tocsin.campaigns.detect.CampaignIds}
 * @param accounts author ids, in order of their first coordinated post
 * @param firstCoShare time of the earliest co-share among its retained edges
 * @param lastCoShare time of the latest co-share among its retained edges
 * @param signals per signal, the number of co-shares on its retained edges
 * @param edges number of retained edges between its accounts that pass the weight filter
 * @param meanWeight mean weight of those edges
 * @param posts distinct posts behind those edges (each edge remembers at most {@link
 *     StreamEdge#MAX_POSTS_PER_SIDE} per side)
 */
public record StreamingCampaign(
    String id,
    List<String> accounts,
    Instant firstCoShare,
    Instant lastCoShare,
    Map<Signal, Integer> signals,
    int edges,
    double meanWeight,
    int posts) {

  /** Checks the fields and freezes the collections. */
  public StreamingCampaign {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(firstCoShare, "firstCoShare");
    Objects.requireNonNull(lastCoShare, "lastCoShare");
    accounts = List.copyOf(accounts);
    signals = Collections.unmodifiableMap(new LinkedHashMap<>(signals));
  }
}
