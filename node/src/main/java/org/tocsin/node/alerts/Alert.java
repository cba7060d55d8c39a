package org.tocsin.node.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.tocsin.core.post.ScoredPost;

/**
 * One alert: a rule matched a new post.
 *
 * @param id stable id: the same rule and the same ledger record always give the same id, so a
 *     receiver can drop duplicates of an at-least-once delivery
 * @param n the alert's position in the outbox (1, 2, ...); SSE event ids are these
 * @param ruleId the rule
 * @param ruleName the rule's name
 * @param createdAt when the alert was raised
 * @param post the post with its score, explanation and evidence ref
 * @param reasons which conditions held, in words
 * @param campaign for an alert of a campaign condition, the live campaign and its change (the post
 *     is then the one whose arrival caused it); null otherwise
 * @param volume the window counts and example posts of a volume-change alert (then {@code post} is
 *     the window's latest post), or null
 */
public record Alert(
    String id,
    long n,
    String ruleId,
    String ruleName,
    Instant createdAt,
    ScoredPost post,
    List<String> reasons,
    CampaignTrigger campaign,
    VolumeSpike volume) {

  /** An alert on a post alone. */
  public Alert(
      String id,
      long n,
      String ruleId,
      String ruleName,
      Instant createdAt,
      ScoredPost post,
      List<String> reasons) {
    this(id, n, ruleId, ruleName, createdAt, post, reasons, null, null);
  }

  /** This alert at position {@code n} of the outbox. */
  Alert withN(long n) {
    return new Alert(id, n, ruleId, ruleName, createdAt, post, reasons, campaign, volume);
  }

  /** Checks the fields. */
  public Alert {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(post, "post");
    reasons = List.copyOf(reasons);
  }
}
