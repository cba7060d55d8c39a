package org.tocsin.node.alerts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.tocsin.campaigns.stream.CampaignEvent;
import org.tocsin.core.post.ScoredPost;

/**
 * Raises the alerts of rules with a {@link CampaignCondition} from the events of the live campaign
 * detector. A rule alerts when the event meets its campaign condition and the post that caused the
 * event meets its other conditions, if it has any (query, scores, labels, targets); posts captured
 * before the rule was made never alert. The alert goes through the engine's outbox, webhooks and
 * SSE streams like any other; its id is derived from the rule, the campaign id and the campaign's
 * account count after the event (its growth step), so the same campaign reaching the same size
 * twice, for example when posts are indexed again after a crash, raises one alert.
 */
public final class CampaignAlerts {

  private final AlertEngine engine;

  /** Raises through {@code engine}. */
  public CampaignAlerts(AlertEngine engine) {
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  /** One event with the post whose arrival caused it. */
  public record Triggered(CampaignEvent event, ScoredPost post) {
    /** Checks the fields. */
    public Triggered {
      Objects.requireNonNull(event, "event");
      Objects.requireNonNull(post, "post");
    }
  }

  /**
   * Checks the events against every campaign rule and raises the alerts they trigger.
   *
   * @return the new alerts
   * @throws IOException if the outbox cannot be written; nothing of this call is then raised, and
   *     the caller should offer the same events again
   */
  public List<Alert> onEvents(List<Triggered> events) throws IOException {
    if (events.isEmpty()) {
      return List.of();
    }
    List<Alert> drafts = new ArrayList<>();
    Instant now = Instant.now();
    for (RuleMatcher m : engine.rules().matchers()) {
      AlertRule rule = m.rule();
      if (rule.campaign() == null) {
        continue;
      }
      for (Triggered t : events) {
        if (t.post().evidence().capturedAt().isBefore(rule.createdAt())) {
          continue;
        }
        List<String> reasons = new ArrayList<>(rule.campaign().match(t.event()));
        if (reasons.isEmpty()) {
          continue;
        }
        if (rule.hasPostConditions()) {
          List<String> post = m.match(t.post());
          if (post.isEmpty()) {
            continue;
          }
          reasons.addAll(post);
        }
        CampaignTrigger c = CampaignTrigger.of(t.event());
        drafts.add(
            new Alert(
                alertId(rule.id(), c.campaignId(), c.accounts()),
                0,
                rule.id(),
                rule.name(),
                now,
                t.post(),
                reasons,
                c,
                null));
      }
    }
    return engine.raise(drafts);
  }

  /** The stable id of the alert a rule raises when a campaign reaches {@code accounts}. */
  static String alertId(String ruleId, String campaignId, int accounts) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(
          ("campaign\n" + ruleId + "\n" + campaignId + "\n" + accounts)
              .getBytes(StandardCharsets.UTF_8));
      return "al-" + HexFormat.of().formatHex(d.digest(), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
