package org.tocsin.crawler.source;

import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.tocsin.crawler.source.bluesky.JetstreamConfig;
import org.tocsin.crawler.source.bluesky.JetstreamVerticle;
import org.tocsin.crawler.source.files.DirectoryWatchConfig;
import org.tocsin.crawler.source.files.DirectoryWatchVerticle;
import org.tocsin.crawler.source.fourchan.FourchanConfig;
import org.tocsin.crawler.source.fourchan.FourchanVerticle;
import org.tocsin.crawler.source.mastodon.MastodonConfig;
import org.tocsin.crawler.source.mastodon.MastodonStreamConfig;
import org.tocsin.crawler.source.mastodon.MastodonStreamingVerticle;
import org.tocsin.crawler.source.mastodon.MastodonTimelineVerticle;
import org.tocsin.crawler.source.reddit.RedditConfig;
import org.tocsin.crawler.source.reddit.RedditListingVerticle;
import org.tocsin.crawler.source.rss.FeedConfig;
import org.tocsin.crawler.source.rss.FeedVerticle;
import org.tocsin.crawler.source.telegram.TelegramChannelVerticle;
import org.tocsin.crawler.source.telegram.TelegramConfig;

/**
 * The deployed connectors of a {@link SourcesConfig}: one verticle per source, each with its own
 * event loop context, status and cursor. Obtained from {@link #deploy}; {@link #status()} is safe
 * from any thread.
 */
public final class Sources {

  private final Vertx vertx;
  private final List<SourceConnector> connectors;
  private final List<String> deployments;

  private Sources(Vertx vertx, List<SourceConnector> connectors, List<String> deployments) {
    this.vertx = vertx;
    this.connectors = List.copyOf(connectors);
    this.deployments = List.copyOf(deployments);
  }

  /**
   * Deploys one connector per configured source. If one fails to start, those already started are
   * undeployed and the future fails with a message naming the source.
   *
   * @param random seeds each connector's own backoff jitter, in configuration order
   */
  public static Future<Sources> deploy(
      Vertx vertx,
      SourcesConfig config,
      CaptureSink sink,
      CursorStore cursors,
      Random random,
      Clock clock) {
    Objects.requireNonNull(vertx, "vertx");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(cursors, "cursors");
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(clock, "clock");
    List<SourceConnector> connectors = new ArrayList<>();
    for (SourceConfig c : config.sources()) {
      connectors.add(create(c, sink, cursors, new Random(random.nextLong()), clock));
    }
    List<String> ids = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (SourceConnector sc : connectors) {
      chain =
          chain.compose(
              v ->
                  vertx
                      .deployVerticle((Deployable) sc)
                      .recover(
                          e ->
                              Future.failedFuture(
                                  new IllegalStateException(
                                      "source '"
                                          + sc.name()
                                          + "' failed to start: "
                                          + e.getMessage(),
                                      e)))
                      .map(
                          id -> {
                            ids.add(id);
                            return null;
                          }));
    }
    return chain
        .map(v -> new Sources(vertx, connectors, ids))
        .recover(
            e ->
                new Sources(vertx, connectors, ids)
                    .undeploy()
                    .transform(x -> Future.failedFuture(e)));
  }

  private static SourceConnector create(
      SourceConfig c, CaptureSink sink, CursorStore cursors, Random random, Clock clock) {
    if (c instanceof MastodonConfig m) {
      return new MastodonTimelineVerticle(m, sink, cursors, random, clock);
    } else if (c instanceof MastodonStreamConfig m) {
      return new MastodonStreamingVerticle(m, sink, cursors, random, clock);
    } else if (c instanceof JetstreamConfig j) {
      return new JetstreamVerticle(j, sink, cursors, random, clock);
    } else if (c instanceof TelegramConfig t) {
      return new TelegramChannelVerticle(t, sink, cursors, random, clock);
    } else if (c instanceof RedditConfig r) {
      return new RedditListingVerticle(r, sink, cursors, random, clock);
    } else if (c instanceof FeedConfig f) {
      return new FeedVerticle(f, sink, cursors, random, clock);
    } else if (c instanceof FourchanConfig f) {
      return new FourchanVerticle(f, sink, cursors, random, clock);
    } else if (c instanceof DirectoryWatchConfig d) {
      return new DirectoryWatchVerticle(d, sink, cursors, random, clock);
    }
    throw new IllegalArgumentException("no connector for this source config [got " + c + "]");
  }

  /** The deployed connectors, in configuration order. */
  public List<SourceConnector> connectors() {
    return connectors;
  }

  /** The status of every source, in configuration order. */
  public List<SourceStatus> status() {
    return connectors.stream().map(SourceConnector::status).toList();
  }

  /** Stops every connector (each saves what its sink acknowledged). */
  public Future<Void> undeploy() {
    List<Future<Void>> all = new ArrayList<>();
    for (String id : deployments) {
      all.add(vertx.undeploy(id));
    }
    return Future.join(all).mapEmpty();
  }
}
