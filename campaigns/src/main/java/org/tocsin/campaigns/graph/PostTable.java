package org.tocsin.campaigns.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.tocsin.core.evidence.EvidenceRef;
import org.tocsin.core.post.Post;
import org.tocsin.core.post.PostKey;

/**
 * The posts of one detection run in time order (then platform, then id), with accounts numbered in
 * order of first appearance. Later stages refer to posts and accounts by these indices.
 */
public final class PostTable {

  private static final Pattern RT = Pattern.compile("\\s*(?i:rt)\\s+@");

  private final List<Post> posts;
  private final int[] account;
  private final long[] millis;
  private final List<String> accountIds = new ArrayList<>();
  private final Map<PostKey, EvidenceRef> evidence;

  /**
   * Sorts and numbers {@code input}; a post seen twice (same key) is kept once, the last version.
   *
   * @param input the posts
   * @param evidence where the original of each post sits in the ledger, as far as known
   */
  public PostTable(Iterable<Post> input, Map<PostKey, EvidenceRef> evidence) {
    this.evidence = Objects.requireNonNull(evidence, "evidence");
    Map<PostKey, Post> unique = new HashMap<>();
    for (Post p : input) {
      unique.put(p.key(), p);
    }
    List<Post> sorted = new ArrayList<>(unique.values());
    sorted.sort(
        Comparator.comparing(Post::createdAt)
            .thenComparing(Post::platform)
            .thenComparing(Post::id));
    this.posts = sorted;
    this.account = new int[sorted.size()];
    this.millis = new long[sorted.size()];
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < sorted.size(); i++) {
      Post p = sorted.get(i);
      String id = p.author().id();
      Integer a = ids.get(id);
      if (a == null) {
        a = accountIds.size();
        ids.put(id, a);
        accountIds.add(id);
      }
      account[i] = a;
      millis[i] = p.createdAt().toEpochMilli();
    }
  }

  /** Number of posts. */
  public int size() {
    return posts.size();
  }

  /** Number of distinct accounts. */
  public int accountCount() {
    return accountIds.size();
  }

  /** Post {@code i}. */
  public Post post(int i) {
    return posts.get(i);
  }

  /** The account index of post {@code i}. */
  public int account(int i) {
    return account[i];
  }

  /** Creation time of post {@code i}, epoch milliseconds. */
  public long millis(int i) {
    return millis[i];
  }

  /**
   * Whether post {@code i} repeats another: it reposts or quotes one, or its text starts with a
   * retweet marker ({@code RT @handle}). Reposts repeat texts at any distance in time without any
   * coordination, so only the short window pairs them on their text.
   */
  public boolean isRepost(int i) {
    Post p = posts.get(i);
    return p.repostOf() != null || p.quoteOf() != null || RT.matcher(p.text()).lookingAt();
  }

  /** The author id of account {@code a}, as in the input. */
  public String accountId(int a) {
    return accountIds.get(a);
  }

  /** A reference to post {@code i}: its key and, if known, its evidence ref. */
  public PostRef ref(int i) {
    PostKey k = posts.get(i).key();
    return new PostRef(k, evidence.get(k));
  }
}
