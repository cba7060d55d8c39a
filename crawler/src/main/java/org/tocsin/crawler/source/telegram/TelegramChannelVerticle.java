package org.tocsin.crawler.source.telegram;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.tocsin.core.post.Post;
import org.tocsin.crawler.parse.telegram.TelegramPageParser;
import org.tocsin.crawler.politeness.Politeness;
import org.tocsin.crawler.source.CaptureSink;
import org.tocsin.crawler.source.CursorStore;
import org.tocsin.crawler.source.internal.HttpPollingSource;
import org.tocsin.crawler.source.internal.RobotsGate;
import org.tocsin.crawler.source.internal.StepFailure;

/**
 * Crawls one public Telegram channel through its preview pages. The first run walks back from
 * {@code /s/<channel>} with {@code ?before=<oldest id on the page>} up to {@code maxBackfillPages};
 * then it polls {@code ?after=<newest id>} page after page until caught up. Every page is checked
 * against robots.txt first (fail closed), stored in the sink, and parsed only once acknowledged;
 * edited messages carry the parser's edited marker. Cursor: {@code {newest, before, backfillDone}}.
 */
public final class TelegramChannelVerticle extends HttpPollingSource {

  private final TelegramConfig cfg;
  private final TelegramPageParser parser = new TelegramPageParser();
  private RobotsGate robots;
  private int backfillPages;

  /**
   * Creates the connector.
   *
   * @param politeness the node's shared host queues
   * @param random seeds the backoff jitter
   */
  public TelegramChannelVerticle(
      TelegramConfig cfg,
      CaptureSink sink,
      CursorStore cursors,
      Politeness politeness,
      Random random,
      Clock clock) {
    super(cfg.source(), cfg.pacing(), cfg.fetch(), sink, cursors, politeness, random, clock);
    this.cfg = Objects.requireNonNull(cfg, "cfg");
  }

  @Override
  protected void opened() {
    robots =
        new RobotsGate(
            fetcher(),
            politeness(),
            cfg.source(),
            cfg.fetch().userAgent(),
            cfg.pacing().intervalMillis(),
            cfg.maxCrawlDelayMillis(),
            Duration.ofMillis(cfg.robotsTtlMillis()),
            clock);
  }

  @Override
  protected Future<Long> poll() {
    String url = nextUrl();
    return robots
        .check(url)
        .compose(v -> fetcher().get(cfg.source(), TelegramPageParser.FORMAT, url, Map.of()))
        .compose(this::store)
        .compose(
            c -> {
              try {
                return advance(parse(parser, c));
              } catch (StepFailure e) {
                return Future.failedFuture(e);
              }
            });
  }

  private Future<Long> advance(List<Post> posts) {
    JsonObject cur = cursor();
    long newest = cur.getLong("newest", -1L);
    long oldest = Long.MAX_VALUE;
    long newestOnPage = -1;
    String prefix = cfg.channel() + "/";
    for (Post p : posts) {
      if (p.id().regionMatches(true, 0, prefix, 0, prefix.length())) {
        long id = Long.parseLong(p.id().substring(prefix.length()));
        oldest = Math.min(oldest, id);
        newestOnPage = Math.max(newestOnPage, id);
      }
    }
    JsonObject next = cur.copy().put("newest", Math.max(newest, newestOnPage));
    boolean more;
    if (!cur.getBoolean("backfillDone", false)) {
      backfillPages++;
      boolean done = newestOnPage < 0 || oldest <= 1 || backfillPages >= cfg.maxBackfillPages();
      next.put("backfillDone", done);
      if (done) {
        next.remove("before");
      } else {
        next.put("before", oldest);
      }
      more = true; // once done, look at once for what arrived during the walk
    } else {
      more = newestOnPage > newest;
    }
    return save(next).map(v -> more ? 0L : cfg.pacing().pollIntervalMillis());
  }

  private String nextUrl() {
    String base = cfg.baseUrl() + "/s/" + cfg.channel();
    JsonObject cur = cursor();
    if (!cur.getBoolean("backfillDone", false)) {
      Long before = cur.getLong("before");
      return before == null ? base : base + "?before=" + before;
    }
    long newest = cur.getLong("newest", -1L);
    return newest < 0 ? base : base + "?after=" + newest;
  }
}
