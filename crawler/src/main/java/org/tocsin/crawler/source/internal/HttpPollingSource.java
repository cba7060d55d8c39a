package org.tocsin.crawler.source.internal;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import org.tocsin.crawler.fetch.FetchConfig;
import org.tocsin.crawler.fetch.HttpFetcher;
import org.tocsin.crawler.politeness.Politeness;
import org.tocsin.crawler.source.CaptureSink;
import org.tocsin.crawler.source.CursorStore;
import org.tocsin.crawler.source.Pacing;

/**
 * A {@link PollingSource} that fetches over HTTP: it opens one {@link HttpFetcher} paced by the
 * node's shared {@link Politeness} (through this source's own interval and pause cap) and closes it
 * when the source stops.
 */
public abstract class HttpPollingSource extends PollingSource {

  private final FetchConfig fetch;
  private final Politeness shared;
  private Politeness politeness;
  private HttpFetcher fetcher;

  /**
   * Creates the source.
   *
   * @param politeness the node's shared host queues
   * @param random seeds the backoff jitter
   */
  protected HttpPollingSource(
      String name,
      Pacing pacing,
      FetchConfig fetch,
      CaptureSink sink,
      CursorStore cursors,
      Politeness politeness,
      Random random,
      Clock clock) {
    super(name, pacing, sink, cursors, random, clock);
    this.fetch = Objects.requireNonNull(fetch, "fetch");
    this.shared = Objects.requireNonNull(politeness, "politeness");
  }

  @Override
  protected final Future<Void> open() {
    politeness =
        shared.pace(pacing().intervalMillis(), Duration.ofMillis(pacing().maxPauseMillis()));
    fetcher = new HttpFetcher(vertx, fetch, politeness, clock);
    opened();
    return Future.succeededFuture();
  }

  /** Called once the fetcher exists, for connector-specific set-up (robots.txt, host rules). */
  protected void opened() {}

  @Override
  protected final void stopping() {
    if (fetcher != null) {
      fetcher.abortWaits();
    }
  }

  @Override
  protected final Future<Void> close() {
    return fetcher == null ? Future.succeededFuture() : fetcher.close();
  }

  /** The fetcher (set once the source started). */
  protected final HttpFetcher fetcher() {
    return fetcher;
  }

  /** This source's view of the shared politeness (set once the source started). */
  protected final Politeness politeness() {
    return politeness;
  }
}
