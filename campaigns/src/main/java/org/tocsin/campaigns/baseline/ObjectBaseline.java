package org.tocsin.campaigns.baseline;

import java.util.Objects;
import org.tocsin.campaigns.signal.Signal;

/**
 * Who posted one object a campaign shared: the campaign's accounts, and every other account in the
 * posts given to detection.
 *
 * @param signal the signal the object belongs to
 * @param object the object's key, as in the campaign's edges
 * @param label the object as a reader knows it: the hashtags, the link, the wording (at most 120
 *     characters)
 * @param campaignAccounts accounts of the campaign that posted it
 * @param campaignPosts their posts of it
 * @param otherAccounts accounts outside the campaign that posted it
 * @param otherPosts their posts of it
 */
public record ObjectBaseline(
    Signal signal,
    String object,
    String label,
    int campaignAccounts,
    int campaignPosts,
    int otherAccounts,
    int otherPosts) {

  /** Checks the fields. */
  public ObjectBaseline {
    Objects.requireNonNull(signal, "signal");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(label, "label");
    if (campaignAccounts < 0 || campaignPosts < 0 || otherAccounts < 0 || otherPosts < 0) {
      throw new IllegalArgumentException("counts must be >= 0 [got " + object + "]");
    }
  }
}
