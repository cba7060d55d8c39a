package org.tocsin.crawler.source;

import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.tocsin.crawler.outbound.OutboundGuard;
import org.tocsin.crawler.politeness.Politeness;
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
 * The live sources of a node: one verticle per running source, each with its own event loop
 * context, status and cursor, and one {@link Politeness} shared by all of them, so that two sources
 * on the same host share that host's pace and its 429 pauses. Sources can be added, paused, resumed
 * and removed while the others run; changes are applied one at a time in the order asked. A paused
 * or removed source is undeployed (it saves what its sink acknowledged); its cursor stays in the
 * store, so resuming (or adding it again under the same name) goes on where it stopped. {@link
 * #status()} is safe from any thread.
 */
public final class Sources {

  private final Vertx vertx;
  private final CaptureSink sink;
  private final CursorStore cursors;
  private final Random random;
  private final Clock clock;
  private final Politeness politeness;
  private final Map<String, Slot> slots = new LinkedHashMap<>(); // guarded by this
  private Future<?> changes = Future.succeededFuture(); // guarded by this

  /** One configured source: its connector while it runs, its last status while paused. */
  private static final class Slot {
    final SourceConfig config;
    SourceConnector connector;
    String deployment;
    SourceStatus paused;

    Slot(SourceConfig config) {
      this.config = config;
    }
  }

  private Sources(
      Vertx vertx,
      CaptureSink sink,
      CursorStore cursors,
      Random random,
      Clock clock,
      OutboundGuard outbound) {
    this.vertx = vertx;
    this.sink = sink;
    this.cursors = cursors;
    this.random = random;
    this.clock = clock;
    this.politeness = Politeness.shared(clock, outbound);
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
    return deploy(vertx, config, Set.of(), sink, cursors, random, clock);
  }

  /**
   * Deploys one connector per configured source, except those named in {@code paused}, which are
   * listed as paused and not started. If one fails to start, those already started are undeployed
   * and the future fails with a message naming the source. The sources may contact public addresses
   * only.
   *
   * @param paused names of sources to keep paused (names of no source are ignored)
   * @param random seeds each connector's own backoff jitter, in configuration order
   */
  public static Future<Sources> deploy(
      Vertx vertx,
      SourcesConfig config,
      Set<String> paused,
      CaptureSink sink,
      CursorStore cursors,
      Random random,
      Clock clock) {
    return deploy(vertx, config, paused, sink, cursors, random, clock, OutboundGuard.denyPrivate());
  }

  /**
   * As {@link #deploy(Vertx, SourcesConfig, Set, CaptureSink, CursorStore, Random, Clock)}, with
   * the node's outbound guard: a source whose URL it refuses does not start (the failure names the
   * source and the reason), and every request of every source goes to an address it checked.
   */
  public static Future<Sources> deploy(
      Vertx vertx,
      SourcesConfig config,
      Set<String> paused,
      CaptureSink sink,
      CursorStore cursors,
      Random random,
      Clock clock,
      OutboundGuard outbound) {
    Objects.requireNonNull(outbound, "outbound");
    Objects.requireNonNull(vertx, "vertx");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(paused, "paused");
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(cursors, "cursors");
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(clock, "clock");
    Sources s = new Sources(vertx, sink, cursors, random, clock, outbound);
    Future<Void> chain = Future.succeededFuture();
    for (SourceConfig c : config.sources()) {
      Slot slot = new Slot(c);
      synchronized (s) {
        s.slots.put(c.source(), slot);
      }
      if (paused.contains(c.source())) {
        slot.paused = pausedStatus(c.source(), null);
      } else {
        chain = chain.compose(v -> s.start(slot));
      }
    }
    return chain.map(s).recover(e -> s.undeploy().transform(x -> Future.failedFuture(e)));
  }

  /**
   * Adds and starts a source.
   *
   * @return its status once started; fails with {@link IllegalStateException} if a source of that
   *     name exists, or with {@link IllegalArgumentException} naming the source if it cannot start
   */
  public Future<SourceStatus> add(SourceConfig config) {
    Objects.requireNonNull(config, "config");
    return serially(
        () -> {
          Slot slot = new Slot(config);
          synchronized (this) {
            if (slots.containsKey(config.source())) {
              return Future.failedFuture(
                  new IllegalStateException(
                      "a source with this name exists [got " + config.source() + "]"));
            }
            slots.put(config.source(), slot);
          }
          return start(slot)
              .recover(
                  e -> {
                    synchronized (this) {
                      slots.remove(config.source());
                    }
                    return Future.failedFuture(new IllegalArgumentException(e.getMessage(), e));
                  })
              .map(v -> slot.connector.status());
        });
  }

  /**
   * Pauses a source: stops its connector after the step in flight, so that no further request is
   * sent. Pausing a paused source changes nothing.
   *
   * @return its (paused) status; fails with {@link NoSuchElementException} for an unknown name
   */
  public Future<SourceStatus> pause(String name) {
    return serially(
        () -> {
          Slot slot = slot(name);
          if (slot == null) {
            return Future.failedFuture(unknown(name));
          }
          if (slot.connector == null) {
            return Future.succeededFuture(slot.paused);
          }
          return stop(slot)
              .map(
                  last -> {
                    synchronized (this) {
                      slot.paused = pausedStatus(name, last);
                    }
                    return slot.paused;
                  });
        });
  }

  /**
   * Resumes a paused source from its saved cursor. Resuming a running source changes nothing.
   *
   * @return its status; fails with {@link NoSuchElementException} for an unknown name
   */
  public Future<SourceStatus> resume(String name) {
    return serially(
        () -> {
          Slot slot = slot(name);
          if (slot == null) {
            return Future.failedFuture(unknown(name));
          }
          if (slot.connector != null) {
            return Future.succeededFuture(slot.connector.status());
          }
          return start(slot).map(v -> slot.connector.status());
        });
  }

  /**
   * Stops and forgets a source; its cursor stays in the store and what it captured stays wherever
   * the sink put it.
   *
   * @return completes once it stopped; fails with {@link NoSuchElementException} for an unknown
   *     name
   */
  public Future<Void> remove(String name) {
    return serially(
        () -> {
          Slot slot = slot(name);
          if (slot == null) {
            return Future.failedFuture(unknown(name));
          }
          Future<?> stopped = slot.connector == null ? Future.succeededFuture() : stop(slot);
          return stopped.map(
              x -> {
                synchronized (this) {
                  slots.remove(name);
                }
                return null;
              });
        });
  }

  /** The names of the sources, in the order they were configured or added. */
  public synchronized List<String> names() {
    return List.copyOf(slots.keySet());
  }

  /** The running connectors, in the order their sources were configured or added. */
  public synchronized List<SourceConnector> connectors() {
    return slots.values().stream().filter(s -> s.connector != null).map(s -> s.connector).toList();
  }

  /** The status of every source (paused ones too), in configuration order. */
  public List<SourceStatus> status() {
    List<Slot> all;
    synchronized (this) {
      all = new ArrayList<>(slots.values());
    }
    List<SourceStatus> out = new ArrayList<>(all.size());
    for (Slot s : all) {
      SourceConnector c;
      SourceStatus p;
      synchronized (this) {
        c = s.connector;
        p = s.paused;
      }
      out.add(c != null ? c.status() : p);
    }
    return out;
  }

  /** The host pacing shared by every source of this node. */
  public Politeness politeness() {
    return politeness;
  }

  /** Stops every connector (each saves what its sink acknowledged); their status shows stopped. */
  public Future<Void> undeploy() {
    Collection<Slot> all;
    synchronized (this) {
      all = new ArrayList<>(slots.values());
    }
    List<Future<Void>> stops = new ArrayList<>();
    for (Slot s : all) {
      String id;
      synchronized (this) {
        id = s.deployment;
        s.deployment = null;
      }
      if (id != null) {
        stops.add(vertx.undeploy(id));
      }
    }
    return Future.join(stops).mapEmpty();
  }

  private synchronized Slot slot(String name) {
    return slots.get(name);
  }

  /** Runs one change after the previous one finished, whatever its outcome. */
  private <T> Future<T> serially(Supplier<Future<T>> change) {
    synchronized (this) {
      Future<T> next = changes.transform(ar -> change.get());
      changes = next;
      return next;
    }
  }

  private Future<Void> start(Slot slot) {
    SourceConnector c = create(slot.config, new Random(random.nextLong()));
    Future<Void> allowed = Future.succeededFuture();
    for (String url : endpoints(slot.config)) {
      allowed =
          allowed.compose(
              v -> politeness.outbound().pin(vertx, url, OutboundGuard.HTTP_AND_WS).mapEmpty());
    }
    return allowed
        .compose(v -> vertx.deployVerticle((Deployable) c))
        .recover(
            e ->
                Future.failedFuture(
                    new IllegalStateException(
                        "source '" + c.name() + "' failed to start: " + e.getMessage(), e)))
        .map(
            id -> {
              synchronized (this) {
                slot.connector = c;
                slot.deployment = id;
                slot.paused = null;
              }
              return null;
            });
  }

  /** Undeploys a slot's connector; returns its last status. */
  private Future<SourceStatus> stop(Slot slot) {
    SourceConnector c;
    String id;
    synchronized (this) {
      c = slot.connector;
      id = slot.deployment;
      slot.connector = null;
      slot.deployment = null;
      slot.paused = pausedStatus(slot.config.source(), c.status());
    }
    Future<Void> undeployed = id == null ? Future.succeededFuture() : vertx.undeploy(id);
    return undeployed.map(v -> c.status());
  }

  private static SourceStatus pausedStatus(String name, SourceStatus last) {
    return last == null
        ? new SourceStatus(name, SourceStatus.State.PAUSED, null, 0, 0, null, null, 0)
        : new SourceStatus(
            name,
            SourceStatus.State.PAUSED,
            last.lastSuccess(),
            last.lagSeconds(),
            0,
            last.lastError(),
            null,
            last.errors());
  }

  private static NoSuchElementException unknown(String name) {
    return new NoSuchElementException("no source with this name [got " + name + "]");
  }

  /** The URLs a source contacts first (its later URLs are checked as it fetches them). */
  private static List<String> endpoints(SourceConfig c) {
    if (c instanceof MastodonConfig m) {
      return List.of(m.baseUrl());
    } else if (c instanceof MastodonStreamConfig m) {
      return List.of(m.baseUrl());
    } else if (c instanceof JetstreamConfig j) {
      return List.of(j.url());
    } else if (c instanceof TelegramConfig t) {
      return List.of(t.baseUrl());
    } else if (c instanceof RedditConfig r) {
      return List.of(r.baseUrl());
    } else if (c instanceof FeedConfig f) {
      return List.of(f.url());
    } else if (c instanceof FourchanConfig f) {
      return List.of(f.baseUrl());
    }
    return List.of();
  }

  private SourceConnector create(SourceConfig c, Random random) {
    if (c instanceof MastodonConfig m) {
      return new MastodonTimelineVerticle(m, sink, cursors, politeness, random, clock);
    } else if (c instanceof MastodonStreamConfig m) {
      return new MastodonStreamingVerticle(m, sink, cursors, politeness, random, clock);
    } else if (c instanceof JetstreamConfig j) {
      return new JetstreamVerticle(j, sink, cursors, random, clock, politeness.outbound());
    } else if (c instanceof TelegramConfig t) {
      return new TelegramChannelVerticle(t, sink, cursors, politeness, random, clock);
    } else if (c instanceof RedditConfig r) {
      return new RedditListingVerticle(r, sink, cursors, politeness, random, clock);
    } else if (c instanceof FeedConfig f) {
      return new FeedVerticle(f, sink, cursors, politeness, random, clock);
    } else if (c instanceof FourchanConfig f) {
      return new FourchanVerticle(f, sink, cursors, politeness, random, clock);
    } else if (c instanceof DirectoryWatchConfig d) {
      return new DirectoryWatchVerticle(d, sink, cursors, random, clock);
    }
    throw new IllegalArgumentException("no connector for this source config [got " + c + "]");
  }
}
