package org.tocsin.crawler.source.reddit;

import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.tocsin.core.evidence.Capture;
import org.tocsin.crawler.parse.reddit.RedditListingParser;
import org.tocsin.crawler.politeness.Politeness;
import org.tocsin.crawler.source.CaptureSink;
import org.tocsin.crawler.source.CursorStore;
import org.tocsin.crawler.source.internal.HttpPollingSource;
import org.tocsin.crawler.source.internal.StepFailure;

/**
 * Crawls one subreddit's {@code /r/<sub>/new.json}. The first run walks back with {@code
 * after=<listing's after>} up to {@code maxBackfillPages}; then it asks for {@code before=<newest
 * fullname>}, page after page while pages come back full. Reddit's {@code X-RateLimit-*} headers
 * (remaining as a float string, reset in seconds) and 429s pause the host through {@link
 * Politeness}. Cursor: {@code {newest, after, backfillDone}}, saved after the sink's
 * acknowledgement.
 */
public final class RedditListingVerticle extends HttpPollingSource {

  private final RedditConfig cfg;
  private final RedditListingParser parser = new RedditListingParser();
  private int backfillPages;

  /**
   * Creates the connector.
   *
   * @param politeness the node's shared host queues
   * @param random seeds the backoff jitter
   */
  public RedditListingVerticle(
      RedditConfig cfg,
      CaptureSink sink,
      CursorStore cursors,
      Politeness politeness,
      Random random,
      Clock clock) {
    super(cfg.source(), cfg.pacing(), cfg.fetch(), sink, cursors, politeness, random, clock);
    this.cfg = Objects.requireNonNull(cfg, "cfg");
  }

  @Override
  protected Future<Long> poll() {
    String url = nextUrl();
    return fetcher()
        .get(cfg.source(), RedditListingParser.FORMAT, url, Map.of("Accept", "application/json"))
        .compose(this::store)
        .compose(
            c -> {
              try {
                parse(parser, c);
                return advance(c);
              } catch (StepFailure e) {
                return Future.failedFuture(e);
              }
            });
  }

  private Future<Long> advance(Capture c) throws StepFailure {
    JsonObject data;
    try {
      data =
          new JsonObject(new String(c.body(), java.nio.charset.StandardCharsets.UTF_8))
              .getJsonObject("data", new JsonObject());
    } catch (DecodeException | ClassCastException e) {
      throw new StepFailure("parse_error", e);
    }
    JsonArray children = data.getJsonArray("children", new JsonArray());
    String first = children.isEmpty() ? null : fullname(children.getValue(0));
    String after =
        data.getValue("after") instanceof String s && s.matches("t[0-9]_[0-9a-z]{1,16}") ? s : null;
    JsonObject cur = cursor();
    JsonObject next = cur.copy();
    boolean more;
    if (!cur.getBoolean("backfillDone", false)) {
      backfillPages++;
      if (!cur.containsKey("newest") && first != null) {
        next.put("newest", first);
      }
      boolean done = after == null || children.isEmpty() || backfillPages >= cfg.maxBackfillPages();
      next.put("backfillDone", done);
      if (done) {
        next.remove("after");
      } else {
        next.put("after", after);
      }
      more = true;
    } else {
      if (first != null) {
        next.put("newest", first);
      }
      more = children.size() >= cfg.limit();
    }
    return save(next).map(v -> more ? 0L : cfg.pacing().pollIntervalMillis());
  }

  private static String fullname(Object child) {
    if (child instanceof JsonObject t && t.getValue("data") instanceof JsonObject d) {
      Object name = d.getValue("name");
      return name instanceof String s && s.matches("t[0-9]_[0-9a-z]{1,16}") ? s : null;
    }
    return null;
  }

  private String nextUrl() {
    String base =
        cfg.baseUrl() + "/r/" + cfg.subreddit() + "/new.json?limit=" + cfg.limit() + "&raw_json=1";
    JsonObject cur = cursor();
    if (!cur.getBoolean("backfillDone", false)) {
      String after = cur.getString("after");
      return after == null ? base : base + "&after=" + after;
    }
    String newest = cur.getString("newest");
    return newest == null ? base : base + "&before=" + newest;
  }
}
