package org.tocsin.campaigns.detect;

import java.util.Map;

/**
 * What a campaign spreads, from the NLP scores of its posts.
 *
 * @param scoredPosts how many of the campaign's posts had a score (the shares are over these)
 * @param hateShare share of scored posts whose most likely label is {@code hate}, or {@code null}
 *     when no post was scored
 * @param offensiveShare share labelled {@code offensive}, or {@code null}
 * @param incitementShare share with an incitement score of at least {@link #INCITEMENT_THRESHOLD},
 *     or {@code null}
 * @param targets target group to the number of posts that target it with confidence at least {@link
 *     #TARGET_THRESHOLD}, most targeted first
 * @param languages language tag to the number of posts in it (all posts, scored or not), most used
 *     first; posts without a language count under {@code und}
 */
public record HarmProfile(
    int scoredPosts,
    Double hateShare,
    Double offensiveShare,
    Double incitementShare,
    Map<String, Integer> targets,
    Map<String, Integer> languages) {

  /** Incitement score from which a post counts as inciting. */
  public static final double INCITEMENT_THRESHOLD = 0.5;

  /** Confidence from which a target group counts. */
  public static final double TARGET_THRESHOLD = 0.5;

  /** Freezes the maps, keeping their order. */
  public HarmProfile {
    targets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(targets));
    languages = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(languages));
  }
}
