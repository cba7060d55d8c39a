package org.tocsin.campaigns.detect;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tocsin.campaigns.graph.CoordinationEdge;
import org.tocsin.campaigns.signal.Signal;
import org.tocsin.core.post.PostKey;

/**
 * A campaign: a community of accounts that coordinated, with the evidence.
 *
 * @param id stable id, see {@link CampaignIds}
 * @param accounts author ids as in the input, in order of their first coordinated post
 * @param posts the co-shared posts behind its edges, in time order
 * @param firstPost creation time of its first post
 * @param lastPost creation time of its last post
 * @param signals per signal, the number of co-shares inside the campaign
 * @param strength coordination strength in [0, 1]: edge density times {@code w / (w + minRepeat)}
 *     with {@code w} the mean edge weight
 * @param harm what it spreads, from the scores
 * @param reach sum over its accounts of the largest follower count seen (unknown counts as 0)
 * @param timeline posts per bucket
 * @param edges the edges between its accounts, with their evidence
 */
public record Campaign(
    String id,
    List<String> accounts,
    List<PostKey> posts,
    Instant firstPost,
    Instant lastPost,
    Map<Signal, Integer> signals,
    double strength,
    HarmProfile harm,
    long reach,
    List<TimelineBucket> timeline,
    List<CoordinationEdge> edges) {

  /** Checks the fields and freezes the collections. */
  public Campaign {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(firstPost, "firstPost");
    Objects.requireNonNull(lastPost, "lastPost");
    Objects.requireNonNull(harm, "harm");
    accounts = List.copyOf(accounts);
    posts = List.copyOf(posts);
    signals = Collections.unmodifiableMap(new LinkedHashMap<>(signals));
    timeline = List.copyOf(timeline);
    edges = List.copyOf(edges);
  }
}
