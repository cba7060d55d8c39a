package org.tocsin.crawler.parse.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tocsin.core.evidence.Capture;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.post.Post;
import org.tocsin.crawler.parse.DeletionParser;
import org.tocsin.crawler.parse.UpstreamDeletion;
import org.tocsin.crawler.parse.internal.Guard;
import org.tocsin.crawler.parse.internal.Parsing;

/**
 * Parses Bluesky Jetstream events: one JSON line as received from the WebSocket, or several lines
 * (a saved JSONL transcript). Post creates and updates become posts; repost creates become posts
 * with {@code repostOf}; deletes of posts and reposts become {@link UpstreamDeletion}s; every other
 * event (likes, follows, identity, account) holds no post and yields nothing.
 *
 * <p>Post ids are AT URIs ({@code at://<did>/app.bsky.feed.post/<rkey>}), the form Bluesky itself
 * uses in replies, quotes and reposts, so those references line up.
 */
public final class JetstreamEventParser implements DeletionParser {

  /** The capture format this parser reads. */
  public static final String FORMAT = "jetstream-event";

  /** The most lines read from one capture. */
  public static final int MAX_LINES = 100_000;

  static final String POST = "app.bsky.feed.post";
  static final String REPOST = "app.bsky.feed.repost";

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public List<Post> parse(Capture capture) throws PostFormatException {
    return Guard.run(FORMAT, () -> read(capture, true).posts());
  }

  @Override
  public List<UpstreamDeletion> deletions(Capture capture) throws PostFormatException {
    return Guard.run(FORMAT, () -> read(capture, false).deletions());
  }

  private static Result read(Capture c, boolean wantPosts) throws PostFormatException {
    Parsing.checkSize(c.body(), FORMAT);
    Result r = new Result(new ArrayList<>(), new ArrayList<>());
    String[] lines = new String(c.body(), StandardCharsets.UTF_8).split("\n", MAX_LINES + 1);
    if (lines.length > MAX_LINES) {
      throw new PostFormatException(FORMAT + ": too many lines [max " + MAX_LINES + "]");
    }
    int seen = 0;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      seen++;
      String where = FORMAT + " line " + (i + 1);
      JsonNode e = Parsing.readJson(lines[i].getBytes(StandardCharsets.UTF_8), where);
      event(e, where, wantPosts, r);
    }
    if (seen == 0) {
      throw new PostFormatException(FORMAT + ": empty body");
    }
    return r;
  }

  private static void event(JsonNode e, String where, boolean wantPosts, Result r)
      throws PostFormatException {
    if (!e.isObject()) {
      throw new PostFormatException(
          where + ": event must be an object [got " + e.getNodeType() + "]");
    }
    String kind = Parsing.required(e, "kind", where);
    if (!kind.equals("commit")) {
      return;
    }
    String did = Parsing.required(e, "did", where);
    Instant time = eventTime(e, where);
    JsonNode commit = e.get("commit");
    if (commit == null || !commit.isObject()) {
      throw new PostFormatException(where + ".commit: required object is missing");
    }
    String op = Parsing.required(commit, "operation", where + ".commit");
    String collection = Parsing.required(commit, "collection", where + ".commit");
    if (!collection.equals(POST) && !collection.equals(REPOST)) {
      return;
    }
    String rkey = Parsing.required(commit, "rkey", where + ".commit");
    String uri = atUri(did, collection, rkey);
    switch (op) {
      case "delete" -> r.deletions().add(new UpstreamDeletion(RecordMapper.PLATFORM, uri, time));
      case "create", "update" -> {
        if (wantPosts) {
          JsonNode record = commit.get("record");
          if (record == null || !record.isObject()) {
            throw new PostFormatException(where + ".commit.record: required object is missing");
          }
          String cid = Parsing.nonBlank(commit, "cid");
          r.posts()
              .add(
                  RecordMapper.map(
                      did, collection, rkey, record, cid, time, op.equals("update"), e, where));
        }
      }
      default ->
          throw new PostFormatException(where + ".commit.operation: unknown [got " + op + "]");
    }
  }

  /** {@code at://<did>/<collection>/<rkey>}. */
  static String atUri(String did, String collection, String rkey) {
    return "at://" + did + "/" + collection + "/" + rkey;
  }

  private static Instant eventTime(JsonNode e, String where) throws PostFormatException {
    JsonNode t = e.get("time_us");
    if (t == null || !t.canConvertToLong() || !t.isIntegralNumber() || t.longValue() < 0) {
      throw new PostFormatException(
          where + ".time_us: must be microseconds since the epoch [got " + t + "]");
    }
    long us = t.longValue();
    return Instant.ofEpochSecond(us / 1_000_000L, (us % 1_000_000L) * 1_000L);
  }

  private record Result(List<Post> posts, List<UpstreamDeletion> deletions) {}
}
