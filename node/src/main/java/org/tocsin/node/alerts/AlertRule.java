package org.tocsin.node.alerts;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.tocsin.nlp.bands.IncitementBands;

/**
 * A rule: which new posts raise an alert, and where to deliver it. Every condition that is set must
 * hold; a rule with none set is refused.
 *
 * @param id stable id
 * @param name what the rule watches for
 * @param query a Lucene query in the search syntax, or null
 * @param minHate least {@code hate} score, or null
 * @param minIncitement least {@code incitement} score, or null
 * @param incitementBand least incitement band ("elevated" or "high", see {@link IncitementBands}),
 *     or null; an alternative to {@code minIncitement}, resolved to the shipped band table's
 *     threshold when the rule is compiled, so that a re-calibrated table moves the rule with it
 * @param minDehumanization least {@code dehumanization} score, or null
 * @param labels the post's label must be one of these (empty: any)
 * @param targets the post must target one of these groups (empty: any)
 * @param webhook where to POST alerts, or null for the stream only
 * @param createdAt when the rule was made; posts captured before never alert
 * @param createdBy the id of the key that made it
 * @param campaign a condition on live campaigns, or null: a rule with one alerts on campaign events
 *     (see {@link CampaignAlerts}), its other conditions then apply to the post behind the event
 * @param volume a volume-change condition over the posts the other conditions match, or null
 */
public record AlertRule(
    String id,
    String name,
    String query,
    Double minHate,
    Double minIncitement,
    String incitementBand,
    Double minDehumanization,
    Set<String> labels,
    Set<String> targets,
    Webhook webhook,
    Instant createdAt,
    String createdBy,
    CampaignCondition campaign,
    VolumeChange volume) {

  /** A rule on posts alone. */
  public AlertRule(
      String id,
      String name,
      String query,
      Double minHate,
      Double minIncitement,
      Double minDehumanization,
      Set<String> labels,
      Set<String> targets,
      Webhook webhook,
      Instant createdAt,
      String createdBy) {
    this(
        id,
        name,
        query,
        minHate,
        minIncitement,
        null,
        minDehumanization,
        labels,
        targets,
        webhook,
        createdAt,
        createdBy,
        null,
        null);
  }

  /** Whether any condition on the post itself is set (query, scores, labels, targets). */
  public boolean hasPostConditions() {
    return query != null
        || minHate != null
        || minIncitement != null
        || incitementBand != null
        || minDehumanization != null
        || !labels.isEmpty()
        || !targets.isEmpty();
  }

  /** A webhook: the URL to POST to and the secret that signs each body (HMAC-SHA256). */
  public record Webhook(String url, String secret) {
    /** Checks the URL scheme and the secret's length. */
    public Webhook {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(secret, "secret");
      URI u;
      try {
        u = URI.create(url);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("webhook.url is not a URL [got " + url + "]", e);
      }
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
        throw new IllegalArgumentException("webhook.url must be an http(s) URL [got " + url + "]");
      }
      if (secret.length() < 16 || secret.length() > 256) {
        throw new IllegalArgumentException("webhook.secret must have 16..256 characters");
      }
    }
  }

  /** Checks the fields. */
  public AlertRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(createdAt, "createdAt");
    labels = Set.copyOf(labels == null ? Set.of() : labels);
    targets = Set.copyOf(targets == null ? Set.of() : targets);
    checkUnit("minHate", minHate);
    checkUnit("minIncitement", minIncitement);
    checkUnit("minDehumanization", minDehumanization);
    checkBand(minIncitement, incitementBand);
    if (query == null
        && minHate == null
        && minIncitement == null
        && incitementBand == null
        && minDehumanization == null
        && labels.isEmpty()
        && targets.isEmpty()
        && campaign == null
        && volume == null) {
      throw new IllegalArgumentException(
          "a rule needs at least one condition: query, minHate, minIncitement, incitementBand,"
              + " minDehumanization, labels, targets, campaign or volumeChange");
    }
    if (campaign != null && volume != null) {
      throw new IllegalArgumentException(
          "a rule has either a campaign or a volumeChange condition, not both");
    }
  }

  /**
   * The least incitement score the rule asks for: its band's threshold in {@code bands}, else its
   * minIncitement, else null (no condition on incitement).
   */
  public Double incitementThreshold(IncitementBands bands) {
    if (incitementBand == null) {
      return minIncitement;
    }
    return bands.threshold(incitementBand);
  }

  private static void checkBand(Double minIncitement, String band) {
    if (band == null) {
      return;
    }
    if (minIncitement != null) {
      throw new IllegalArgumentException(
          "give either minIncitement or incitementBand, not both [got "
              + minIncitement
              + " and "
              + band
              + "]");
    }
    List<String> alertable = IncitementBands.shipped().alertable();
    if (!alertable.contains(band)) {
      throw new IllegalArgumentException(
          "incitementBand must be one of " + String.join(", ", alertable) + " [got " + band + "]");
    }
  }

  private static void checkUnit(String name, Double v) {
    if (v != null && !(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(name + " must lie in [0, 1] [got " + v + "]");
    }
  }
}
