package org.tocsin.campaigns.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tocsin.core.post.Post;

/**
 * A corpus of {@link CoordinationGenerator}: organic background with injected campaigns of the six
 * kinds of issue 18, and the ground truth.
 *
 * @param posts organic and injected posts, in no particular order
 * @param truth author id of every injected account to the label of its campaign; organic accounts
 *     are absent
 * @param kinds campaign label to its kind
 * @param organicAccounts number of organic accounts that posted at least once
 */
public record CoordinationCorpus(
    List<Post> posts, Map<String, String> truth, Map<String, Kind> kinds, int organicAccounts) {

  /** The kinds of injected campaign (issue 18). */
  public enum Kind {
    /** Own real texts, one campaign URL per round with per-member tracking parameters. */
    LINK_PUSH,
    /** Own real texts under the same sequence of campaign hashtags per round. */
    HASHTAG_SEQUENCE,
    /** The same real text per round, members spread over five minutes. */
    COPY_PASTE,
    /** The same real text per round, 1 or 2 words swapped or replaced in each copy. */
    PARAPHRASE,
    /** The same text once a day per member for several days, spread over hours of each day. */
    SLOW_DRIP,
    /** One member posts, the others repost it within minutes. */
    REPOST_RING
  }

  /** Freezes the collections. */
  public CoordinationCorpus {
    posts = List.copyOf(posts);
    truth = Collections.unmodifiableMap(new LinkedHashMap<>(truth));
    kinds = Collections.unmodifiableMap(new LinkedHashMap<>(kinds));
  }
}
