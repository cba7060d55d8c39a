package org.tocsin.core.post;

/**
 * Engagement counts at capture time; each is {@code null} when the platform did not report it.
 *
 * @param likes likes or favourites
 * @param reposts reposts, retweets or boosts
 * @param replies direct replies
 * @param views views or impressions
 */
public record Metrics(Long likes, Long reposts, Long replies, Long views) {

  /** Metrics with nothing known. */
  public static final Metrics UNKNOWN = new Metrics(null, null, null, null);
}
