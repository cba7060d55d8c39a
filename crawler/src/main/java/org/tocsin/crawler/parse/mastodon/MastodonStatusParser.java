package org.tocsin.crawler.parse.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Parses Mastodon statuses: a REST body (a JSON array of statuses, or one status), one streaming
 * event ({@code {"event","payload"}} as sent over WebSocket), or a server-sent-events body of the
 * streaming API ({@code event: update / data: ...}).
 *
 * <p>Ids are instance-local in Mastodon, so a post id is {@code <host>/<local id>} with the host of
 * the capture URL (for example {@code mastodon.social/109876}); {@code replyTo}, {@code repostOf}
 * and {@code quoteOf} use the same form. A boost yields the boost (empty text, {@code repostOf})
 * and the boosted status; a quote yields the quoting and the quoted status. The ActivityPub {@code
 * uri}, global across instances, is kept in the post's extra field {@code uri}.
 */
public final class MastodonStatusParser implements DeletionParser {

  /** The capture format this parser reads. */
  public static final String FORMAT = "mastodon-statuses";

  /** The most statuses read from one capture. */
  public static final int MAX_STATUSES = 10_000;

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public List<Post> parse(Capture capture) throws PostFormatException {
    return Guard.run(FORMAT, () -> read(capture).posts());
  }

  @Override
  public List<UpstreamDeletion> deletions(Capture capture) throws PostFormatException {
    return Guard.run(FORMAT, () -> read(capture).deletions());
  }

  private static Result read(Capture c) throws PostFormatException {
    String host = Parsing.host(c.url());
    if (host == null) {
      throw new PostFormatException(FORMAT + ": capture URL has no host [got " + c.url() + "]");
    }
    StatusMapper mapper = new StatusMapper(host);
    Result r = new Result(new ArrayList<>(), new ArrayList<>());
    byte[] body = c.body();
    int first = firstNonSpace(body);
    if (first >= 0 && body[first] != '{' && body[first] != '[') {
      for (ServerSentEvents.Event e : ServerSentEvents.parse(body, FORMAT)) {
        event(e.name(), e.data(), "sse event " + e.name(), mapper, c, r);
      }
      return r;
    }
    JsonNode root = Parsing.readJson(c);
    if (root.isArray()) {
      if (root.size() > MAX_STATUSES) {
        throw new PostFormatException(FORMAT + ": too many statuses [got " + root.size() + "]");
      }
      for (int i = 0; i < root.size(); i++) {
        mapper.map(root.get(i), "[" + i + "]", r.posts());
      }
    } else if (root.isObject() && root.has("event")) {
      JsonNode payload = root.get("payload");
      String data = payload == null || payload.isNull() ? null : payload.asText();
      event(Parsing.text(root, "event"), data, "event", mapper, c, r);
    } else if (root.isObject()) {
      mapper.map(root, "status", r.posts());
    } else {
      throw new PostFormatException(
          FORMAT + ": expected an array or object [got " + root.getNodeType() + "]");
    }
    return r;
  }

  private static void event(
      String name, String data, String where, StatusMapper mapper, Capture c, Result r)
      throws PostFormatException {
    if (name == null || data == null) {
      return;
    }
    switch (name) {
      case "update", "status.update" -> {
        JsonNode status =
            Parsing.readJson(
                data.getBytes(java.nio.charset.StandardCharsets.UTF_8), FORMAT + " " + where);
        mapper.map(status, where, r.posts());
      }
      case "delete" -> {
        String id = data.strip();
        if (id.isEmpty() || id.length() > 128) {
          throw new PostFormatException(FORMAT + " " + where + ": bad status id [got " + id + "]");
        }
        r.deletions()
            .add(new UpstreamDeletion(StatusMapper.PLATFORM, mapper.qualify(id), observed(c)));
      }
      default -> {
        // notifications, filters_changed, announcements...: not posts, nothing to record.
      }
    }
  }

  private static Instant observed(Capture c) {
    return c.receivedAt();
  }

  private static int firstNonSpace(byte[] b) {
    for (int i = 0; i < b.length; i++) {
      if (b[i] != ' ' && b[i] != '\n' && b[i] != '\r' && b[i] != '\t') {
        return i;
      }
    }
    return -1;
  }

  private record Result(List<Post> posts, List<UpstreamDeletion> deletions) {}
}
