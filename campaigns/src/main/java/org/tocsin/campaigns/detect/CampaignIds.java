package org.tocsin.campaigns.detect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * Campaign ids that stay the same as a campaign grows.
 *
 * <p>The id is {@code cmp-} and the first 16 hex digits of SHA-256 over the UTF-8 text: the author
 * ids of the campaign's (at most) {@link #FOUNDERS} earliest accounts, by their first coordinated
 * post, sorted as strings, each followed by a line feed, then the object of the campaign's earliest
 * co-share as {@code signal:object}. Later posts and accounts join a campaign after these, so they
 * do not change its id; the same input always gives the same ids.
 */
public final class CampaignIds {

  /** How many of the earliest accounts name a campaign. */
  public static final int FOUNDERS = 3;

  private CampaignIds() {}

  /**
   * The id of a campaign.
   *
   * @param accountsByFirstPost author ids in order of their first coordinated post
   * @param firstObject the earliest co-share's object, {@code signal:object}
   */
  public static String of(List<String> accountsByFirstPost, String firstObject) {
    List<String> founders =
        new ArrayList<>(
            accountsByFirstPost.subList(0, Math.min(FOUNDERS, accountsByFirstPost.size())));
    Collections.sort(founders);
    StringBuilder sb = new StringBuilder();
    for (String f : founders) {
      sb.append(f).append('\n');
    }
    sb.append(firstObject);
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256")
              .digest(sb.toString().getBytes(StandardCharsets.UTF_8));
      return "cmp-" + HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
