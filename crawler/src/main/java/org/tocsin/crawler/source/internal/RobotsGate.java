package org.tocsin.crawler.source.internal;

import io.vertx.core.Future;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.tocsin.crawler.fetch.FetchException;
import org.tocsin.crawler.fetch.HttpFetcher;
import org.tocsin.crawler.politeness.Politeness;
import org.tocsin.crawler.politeness.RobotsTxt;

/**
 * robots.txt for the HTML sources of one connector: fetched per host and kept for a while, a 4xx
 * answer allows everything, an unreachable or 5xx robots.txt allows nothing (fail closed, RFC
 * 9309), and a {@code Crawl-delay} slows the host's queue, capped by configuration. A denied URL
 * fails with {@code robots_denied} and is never fetched.
 */
public final class RobotsGate {

  private final HttpFetcher fetcher;
  private final Politeness politeness;
  private final String source;
  private final String agentToken;
  private final long baseIntervalMillis;
  private final long maxCrawlDelayMillis;
  private final Duration ttl;
  private final Clock clock;
  private String host;
  private RobotsTxt rules;
  private Instant expires = Instant.MIN;

  /**
   * Creates the gate.
   *
   * @param userAgent the crawler's User-Agent; its product token selects the robots.txt group
   * @param baseIntervalMillis the host interval without a Crawl-delay
   * @param maxCrawlDelayMillis the largest Crawl-delay honoured
   * @param ttl how long a fetched robots.txt is trusted
   */
  public RobotsGate(
      HttpFetcher fetcher,
      Politeness politeness,
      String source,
      String userAgent,
      long baseIntervalMillis,
      long maxCrawlDelayMillis,
      Duration ttl,
      Clock clock) {
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    this.politeness = Objects.requireNonNull(politeness, "politeness");
    this.source = Objects.requireNonNull(source, "source");
    this.agentToken = userAgent.strip().split("[/ ]")[0];
    this.baseIntervalMillis = baseIntervalMillis;
    this.maxCrawlDelayMillis = maxCrawlDelayMillis;
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Succeeds if the URL may be fetched; fails with {@code robots_denied} if not. */
  public Future<Void> check(String url) {
    URI u = URI.create(url);
    String h = u.getScheme() + "://" + u.getRawAuthority();
    Future<RobotsTxt> r =
        h.equals(host) && clock.instant().isBefore(expires)
            ? Future.succeededFuture(rules)
            : load(h);
    String path = u.getRawQuery() == null ? u.getRawPath() : u.getRawPath() + "?" + u.getRawQuery();
    return r.compose(
        rt ->
            rt == RobotsTxt.disallowAll()
                ? Future.failedFuture(
                    new StepFailure(
                        "robots_unreachable",
                        "robots.txt of "
                            + h
                            + " could not be read, nothing is fetched [got "
                            + url
                            + "]",
                        null,
                        0))
                : rt.allowed(path)
                    ? Future.succeededFuture()
                    : Future.failedFuture(
                        new StepFailure(
                            "robots_denied",
                            "robots.txt of "
                                + h
                                + " disallows it for "
                                + agentToken
                                + " [got "
                                + url
                                + "]",
                            null,
                            ttl.toMillis())));
  }

  private Future<RobotsTxt> load(String origin) {
    return fetcher
        .get(source, "robots-txt", origin + "/robots.txt", Map.of("Accept", "text/plain"))
        .map(c -> RobotsTxt.parse(new String(c.body(), StandardCharsets.UTF_8), agentToken))
        .recover(
            e ->
                e instanceof FetchException f
                        && f.status() >= 400
                        && f.status() < 500
                        && f.status() != 429
                    ? Future.succeededFuture(RobotsTxt.allowAll())
                    : Future.succeededFuture(RobotsTxt.disallowAll()))
        .onSuccess(
            rt -> {
              host = origin;
              rules = rt;
              // An unreadable robots.txt is asked for again on the next attempt.
              expires = rt == RobotsTxt.disallowAll() ? Instant.MIN : clock.instant().plus(ttl);
              long delay =
                  rt.crawlDelay() == null
                      ? 0
                      : Math.min(rt.crawlDelay().toMillis(), maxCrawlDelayMillis);
              politeness
                  .queue(URI.create(origin).getHost().toLowerCase(Locale.ROOT))
                  .interval(Math.max(baseIntervalMillis, delay));
            });
  }
}
