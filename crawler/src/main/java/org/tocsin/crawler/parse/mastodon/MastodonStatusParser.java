package org.tocsin.crawler.parse.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tocsin.core.evidence.Capture;
import org.tocsin.core.evidence.ParseResult;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.post.Post;
import org.tocsin.crawler.parse.DeletionParser;
import org.tocsin.crawler.parse.UpstreamDeletion;
import org.tocsin.crawler.parse.internal.Guard;
import org.tocsin.crawler.parse.internal.Items;
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
 * uri}, global across instances, is kept in the post's extra field {@code uri}. A status context
 * ({@code {"ancestors", "descendants"}}) yields its statuses; a notification yields the status it
 * names, if any; grouped notifications ({@code /api/v2/notifications}) yield the statuses beside
 * their groups, never the accounts that acted. A status that cannot be read is skipped with a
 * warning, the others are kept.
 *
 * <p>A capture whose URL has no host (a saved file) takes the instance from the statuses of its
 * local accounts; if there is none, the URL the body was fetched from is needed.
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
    return parseResult(capture).posts();
  }

  @Override
  public ParseResult parseResult(Capture capture) throws PostFormatException {
    return Guard.run(FORMAT, () -> read(capture).items().result());
  }

  @Override
  public List<UpstreamDeletion> deletions(Capture capture) throws PostFormatException {
    return Guard.run(FORMAT, () -> read(capture).deletions());
  }

  private static Result read(Capture c) throws PostFormatException {
    byte[] body = c.body();
    int first = firstNonSpace(body);
    boolean json = first < 0 || body[first] == '{' || body[first] == '[';
    JsonNode root = json ? Parsing.readJson(c) : null;
    List<ServerSentEvents.Event> events = json ? null : ServerSentEvents.parse(body, FORMAT);
    String host = Parsing.host(c.url());
    if (host == null && root != null) {
      // A saved file (tocsin parse without --url): the instance that served the body is the one
      // whose local accounts (acct without a domain) wrote statuses in it.
      host = LocalInstance.of(root);
    }
    if (host == null) {
      throw new PostFormatException(
          FORMAT
              + ": capture URL has no host and no status of a local account names the instance;"
              + " ids are instance-local, give the URL the body was fetched from [got "
              + c.url()
              + "]");
    }
    StatusMapper mapper = new StatusMapper(host);
    Result r = new Result(new Items(FORMAT), new ArrayList<>());
    if (root == null) {
      for (ServerSentEvents.Event e : events) {
        String where = FORMAT + " sse event " + e.name();
        r.items().item(where, out -> event(e.name(), e.data(), where, mapper, c, r, out));
      }
      return r;
    }
    if (root.isArray()) {
      if (root.size() > MAX_STATUSES) {
        throw new PostFormatException(FORMAT + ": too many statuses [got " + root.size() + "]");
      }
      entities(root, "[", mapper, r);
    } else if (root.isObject() && root.has("event")) {
      JsonNode payload = root.get("payload");
      String data = payload == null || payload.isNull() ? null : payload.asText();
      event(Parsing.text(root, "event"), data, "event", mapper, c, r, r.items().posts());
    } else if (root.isObject() && isContext(root)) {
      // GET /api/v1/statuses/:id/context: the thread around a status.
      for (String part : List.of("ancestors", "descendants")) {
        JsonNode arr = root.get(part);
        if (arr != null && arr.isArray()) {
          if (arr.size() > MAX_STATUSES) {
            throw new PostFormatException(
                FORMAT + ": too many statuses [got " + arr.size() + " " + part + "]");
          }
          entities(arr, part + "[", mapper, r);
        }
      }
    } else if (root.isObject() && isGrouped(root)) {
      // GET /api/v2/notifications (grouped, Mastodon 4.3+): the groups name statuses and
      // accounts by id; the statuses sit beside them. The accounts acted (favourited, followed)
      // and wrote nothing: only the statuses are posts.
      JsonNode statuses = root.path("statuses");
      if (statuses.size() > MAX_STATUSES) {
        throw new PostFormatException(FORMAT + ": too many statuses [got " + statuses.size() + "]");
      }
      entities(statuses, "statuses[", mapper, r);
    } else if (root.isObject()) {
      entity(root, "status", mapper, r.items().posts());
    } else {
      throw new PostFormatException(
          FORMAT + ": expected an array or object [got " + root.getNodeType() + "]");
    }
    return r;
  }

  private static void entities(JsonNode arr, String prefix, StatusMapper mapper, Result r) {
    for (int i = 0; i < arr.size(); i++) {
      JsonNode n = arr.get(i);
      String where = prefix + i + "]";
      r.items().item(FORMAT + " " + where, out -> entity(n, where, mapper, out));
    }
  }

  /** A status, or a notification: its status if it has one, else nothing. */
  private static void entity(JsonNode n, String where, StatusMapper mapper, List<Post> out)
      throws PostFormatException {
    if (isNotification(n)) {
      // A favourite, reblog or mention names a status; a follow names none. The notification's
      // own account is who acted, not an author: mapping it as a status made an empty post by
      // the person who favourited.
      JsonNode status = n.get("status");
      if (status != null && status.isObject()) {
        mapper.map(status, where + ".status", out);
      }
      return;
    }
    mapper.map(n, where, out);
  }

  /** Notifications have a type and an account but, unlike statuses, no content and no uri. */
  static boolean isNotification(JsonNode n) {
    return n != null
        && n.isObject()
        && n.path("type").isTextual()
        && n.path("account").isObject()
        && !n.has("content")
        && !n.has("uri");
  }

  /** A grouped-notifications answer: {@code notification_groups} beside {@code statuses}. */
  private static boolean isGrouped(JsonNode n) {
    return !n.has("id") && n.path("notification_groups").isArray();
  }

  private static boolean isContext(JsonNode n) {
    return !n.has("id") && (n.path("ancestors").isArray() || n.path("descendants").isArray());
  }

  private static void event(
      String name,
      String data,
      String where,
      StatusMapper mapper,
      Capture c,
      Result r,
      List<Post> out)
      throws PostFormatException {
    if (name == null || data == null) {
      return;
    }
    switch (name) {
      case "update", "status.update", "notification" -> {
        JsonNode entity =
            Parsing.readJson(data.getBytes(StandardCharsets.UTF_8), FORMAT + " " + where);
        entity(entity, where, mapper, out);
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
        // filters_changed, announcements, conversation...: not posts, nothing to record.
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

  private record Result(Items items, List<UpstreamDeletion> deletions) {}
}
