package org.tocsin.crawler.source.rss;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.tocsin.core.evidence.Capture;
import org.tocsin.crawler.fetch.FetchException;
import org.tocsin.crawler.parse.rss.FeedParser;
import org.tocsin.crawler.politeness.Politeness;
import org.tocsin.crawler.source.CaptureSink;
import org.tocsin.crawler.source.CursorStore;
import org.tocsin.crawler.source.internal.HttpPollingSource;
import org.tocsin.crawler.source.internal.StepFailure;

/**
 * Polls one RSS or Atom feed with a conditional GET: {@code If-None-Match} with the last {@code
 * ETag} and {@code If-Modified-Since} with the last {@code Last-Modified}. A 304 stores nothing; a
 * 200 whose body is byte-identical to the last stored one (servers that ignore conditional GET) is
 * not stored again either. Cursor: {@code {etag, lastModified, sha256}}, saved after the sink's
 * acknowledgement.
 */
public final class FeedVerticle extends HttpPollingSource {

  private final FeedConfig cfg;
  private final FeedParser parser = new FeedParser();

  /**
   * Creates the connector.
   *
   * @param politeness the node's shared host queues
   * @param random seeds the backoff jitter
   */
  public FeedVerticle(
      FeedConfig cfg,
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
    JsonObject cur = cursor();
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8");
    if (cur.getString("etag") != null) {
      h.put("If-None-Match", cur.getString("etag"));
    }
    if (cur.getString("lastModified") != null) {
      h.put("If-Modified-Since", cur.getString("lastModified"));
    }
    long wait = cfg.pacing().pollIntervalMillis();
    return fetcher()
        .get(cfg.source(), FeedParser.FORMAT, cfg.url(), h)
        .compose(
            c -> {
              String sha = sha256(c.body());
              if (sha.equals(cur.getString("sha256"))) {
                nothingNew();
                return Future.succeededFuture(wait);
              }
              return store(c).compose(s -> advance(s, sha)).map(wait);
            },
            e -> {
              if (e instanceof FetchException f && f.code().equals("not_modified")) {
                nothingNew();
                return Future.succeededFuture(wait);
              }
              return Future.failedFuture(e);
            });
  }

  /**
   * Saves the cursor even when the feed does not parse: the capture is kept as evidence, the error
   * is reported, and the same broken body is not stored again on every retry.
   */
  private Future<Void> advance(Capture c, String sha) {
    StepFailure failure = null;
    try {
      parse(parser, c);
    } catch (StepFailure e) {
      failure = e;
    }
    StepFailure f = failure;
    JsonObject next = new JsonObject().put("sha256", sha);
    String etag = header(c, "etag");
    String lastModified = header(c, "last-modified");
    if (etag != null && etag.length() <= 256) {
      next.put("etag", etag);
    }
    if (lastModified != null && lastModified.length() <= 64) {
      next.put("lastModified", lastModified);
    }
    return save(next).compose(v -> f == null ? Future.succeededFuture() : Future.failedFuture(f));
  }

  private static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
