package org.tocsin.campaigns.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tocsin.core.post.Post;

/**
 * A generated corpus with its ground truth.
 *
 * @param posts organic and injected posts, in no particular order
 * @param truth author id of every injected account to the label of its campaign; organic accounts
 *     are absent
 * @param kinds campaign label to its kind
 * @param organicAccounts number of organic accounts that posted at least once
 */
public record BenchCorpus(
    List<Post> posts, Map<String, String> truth, Map<String, Kind> kinds, int organicAccounts) {

  /** The kinds of injected campaign. */
  public enum Kind {
    /** The same text and hashtag pair, posted by every member within seconds. */
    COPY_PASTE,
    /** The same message reworded per member: word dropout, synonym swaps, a swapped word pair. */
    PARAPHRASE,
    /** Different texts, one URL per action, decorated with per-member tracking parameters. */
    LINK_PUSH,
    /** One member posts, the others repost it within seconds. */
    REPOST_RING,
    /** Copy-paste spread over ten minutes, so that most pairs fall outside a 60 s window. */
    SLOW_DRIP,
    /**
     * Scheduled accounts: each member posts its own unrelated real text, no shared link or tag,
     * within 4 s of each action; only their timing gives them away.
     */
    SYNC_BURST
  }

  /** Freezes the collections. */
  public BenchCorpus {
    posts = List.copyOf(posts);
    truth = Collections.unmodifiableMap(new LinkedHashMap<>(truth));
    kinds = Collections.unmodifiableMap(new LinkedHashMap<>(kinds));
  }
}
