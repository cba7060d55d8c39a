package org.tocsin.node.alerts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tocsin.core.post.ScoredPost;

/**
 * Raises alerts as posts are indexed: every rule is checked against every new post; a match becomes
 * an alert in the outbox (durable) before listeners (webhooks, SSE streams) hear of it. Alert ids
 * are derived from the rule and the post's ledger record, so re-indexing after a crash or a rebuild
 * raises nothing twice.
 */
public final class AlertEngine {
  private static final Logger LOG = Logger.getLogger(AlertEngine.class.getName());

  private final RuleStore rules;
  private final AlertOutbox outbox;
  private final List<Consumer<List<Alert>>> listeners = new CopyOnWriteArrayList<>();
  private final VolumeWindows volumes = new VolumeWindows();
  private final WebhookStates webhooks = new WebhookStates();

  /** Creates the engine over a rule store and an outbox. */
  public AlertEngine(RuleStore rules, AlertOutbox outbox) {
    this.rules = rules;
    this.outbox = outbox;
  }

  /** The rules. */
  public RuleStore rules() {
    return rules;
  }

  /** The outbox. */
  public AlertOutbox outbox() {
    return outbox;
  }

  /** Where each rule's webhook delivery stands. */
  public WebhookStates webhooks() {
    return webhooks;
  }

  /** Adds a listener told of each batch of new alerts after they are durable. */
  public void addListener(Consumer<List<Alert>> listener) {
    listeners.add(listener);
  }

  /** Removes a listener. */
  public void removeListener(Consumer<List<Alert>> listener) {
    listeners.remove(listener);
  }

  /**
   * Checks newly indexed posts against every rule and raises the alerts they trigger.
   *
   * @return the new alerts
   * @throws IOException if the outbox cannot be written; the caller must then treat the posts as
   *     not processed, so that they are checked again
   */
  public List<Alert> onIndexed(List<ScoredPost> posts) throws IOException {
    return raise(posts, Instant.now());
  }

  /**
   * Evaluates the current window of every volume-change rule without new posts (the node calls this
   * on a timer, so that no spike waits for the next post).
   *
   * @return the new alerts
   * @throws IOException if the outbox cannot be written
   */
  public List<Alert> evaluateWindows(Instant now) throws IOException {
    if (rules.matchers().stream().noneMatch(m -> m.rule().volume() != null)) {
      return List.of();
    }
    return raise(List.of(), now);
  }

  private List<Alert> raise(List<ScoredPost> posts, Instant now) throws IOException {
    List<RuleMatcher> matchers = rules.matchers();
    if (matchers.isEmpty()) {
      return List.of();
    }
    List<Alert> raised;
    synchronized (outbox) {
      raised = new ArrayList<>();
      long n = outbox.nextN();
      for (ScoredPost sp : posts) {
        for (RuleMatcher m : matchers) {
          if (m.rule().campaign() != null) {
            continue; // raised on campaign events, see CampaignAlerts
          }
          if (m.rule().volume() != null) {
            if (m.accepts(sp)) {
              volumes.record(m.rule(), sp);
            }
            continue;
          }
          List<String> reasons = m.match(sp);
          if (reasons.isEmpty()) {
            continue;
          }
          String id = alertId(m.rule().id(), sp);
          if (outbox.contains(id) || containsId(raised, id)) {
            continue;
          }
          raised.add(new Alert(id, n++, m.rule().id(), m.rule().name(), now, sp, reasons));
        }
      }
      for (RuleMatcher m : matchers) {
        VolumeWindows.Spike s = m.rule().volume() == null ? null : volumes.spike(m.rule(), now);
        if (s != null && !outbox.contains(s.id()) && !containsId(raised, s.id())) {
          raised.add(
              new Alert(
                  s.id(),
                  n++,
                  m.rule().id(),
                  m.rule().name(),
                  now,
                  s.latest(),
                  List.of(s.reason()),
                  null,
                  s.volume()));
        }
      }
      if (raised.isEmpty()) {
        return raised;
      }
      outbox.append(raised);
    }
    for (Consumer<List<Alert>> l : listeners) {
      try {
        l.accept(raised);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "an alert listener failed; the alerts stay in the outbox", e);
      }
    }
    return raised;
  }

  /**
   * Numbers the drafts that are not in the outbox yet, appends them and tells the listeners.
   *
   * @param drafts alerts with any {@code n}; a draft whose id is already in the outbox, or earlier
   *     in the list, is dropped
   * @return the alerts raised
   * @throws IOException if the outbox cannot be written; nothing is raised
   */
  List<Alert> raise(List<Alert> drafts) throws IOException {
    if (drafts.isEmpty()) {
      return List.of();
    }
    List<Alert> raised = new ArrayList<>();
    synchronized (outbox) {
      long n = outbox.nextN();
      for (Alert a : drafts) {
        if (!outbox.contains(a.id()) && !containsId(raised, a.id())) {
          raised.add(a.withN(n++));
        }
      }
      if (raised.isEmpty()) {
        return raised;
      }
      outbox.append(raised);
    }
    tell(raised);
    return raised;
  }

  private void tell(List<Alert> raised) {
    for (Consumer<List<Alert>> l : listeners) {
      try {
        l.accept(raised);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "an alert listener failed; the alerts stay in the outbox", e);
      }
    }
  }

  /** The stable id of the alert a rule raises for a post's ledger record. */
  static String alertId(String ruleId, ScoredPost sp) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(
          (ruleId + "\n" + sp.post().key() + "\n" + sp.evidence().seq())
              .getBytes(StandardCharsets.UTF_8));
      return "al-" + HexFormat.of().formatHex(d.digest(), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  private static boolean containsId(List<Alert> alerts, String id) {
    for (Alert a : alerts) {
      if (a.id().equals(id)) {
        return true;
      }
    }
    return false;
  }
}
