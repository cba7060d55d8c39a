package org.tocsin.crawler.parse.reddit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.tocsin.core.evidence.Capture;
import org.tocsin.core.evidence.ParseResult;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.post.Post;
import org.tocsin.crawler.parse.DeletionParser;
import org.tocsin.crawler.parse.UpstreamDeletion;
import org.tocsin.crawler.parse.internal.Guard;
import org.tocsin.crawler.parse.internal.Parsing;
import org.tocsin.crawler.parse.internal.PostBuilder;

/**
 * Parses Reddit listings: one {@code Listing}, an array of them (a submission with its comment
 * tree), one thing, or an API action's answer ({@code {"json": {"data": {"things": [...]}}}} from
 * {@code /api/editusertext}). A thing that cannot be read is skipped with a warning. Submissions
 * ({@code t3}) and comments ({@code t1}, with their nested {@code replies}) become posts keyed by
 * fullname ({@code t3_abc}); {@code replyTo} is the {@code parent_id} and a crosspost's {@code
 * repostOf} its {@code crosspost_parent}. A thing whose text Reddit replaced with {@code [deleted]}
 * or {@code [removed]} is reported by {@link #deletions} instead of as a post.
 */
public final class RedditListingParser implements DeletionParser {

  /** The capture format this parser reads. */
  public static final String FORMAT = "reddit-listing";

  /** The most things read from one capture. */
  public static final int MAX_THINGS = 20_000;

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

  private static ThingMapper read(Capture c) throws PostFormatException {
    JsonNode root = Parsing.readJson(c);
    ThingMapper m = new ThingMapper(c.receivedAt());
    if (root.isArray()) {
      for (int i = 0; i < root.size(); i++) {
        thing(root.get(i), "[" + i + "]", m);
      }
    } else if (root.isObject() && root.has("json") && !root.has("kind")) {
      apiResponse(root.get("json"), m);
    } else if (root.isObject()) {
      thing(root, "listing", m);
    } else {
      throw new PostFormatException(
          FORMAT + ": expected a listing [got " + root.getNodeType() + "]");
    }
    return m;
  }

  /**
   * An API action's answer ({@code /api/editusertext}, {@code /api/comment}): {@code {"json":
   * {"errors": [...], "data": {"things": [...]}}}}; the things are the edited or new posts.
   */
  private static void apiResponse(JsonNode json, ThingMapper m) throws PostFormatException {
    JsonNode errors = json == null ? null : json.get("errors");
    int nErrors = errors != null && errors.isArray() ? errors.size() : 0;
    for (int i = 0; i < Math.min(nErrors, 10); i++) {
      m.items()
          .warn(
              FORMAT
                  + " json.errors["
                  + i
                  + "]: "
                  + PostBuilder.cut(errors.get(i).toString(), 300));
    }
    JsonNode things = json == null ? null : json.path("data").get("things");
    if (things == null || !things.isArray()) {
      throw new PostFormatException(
          FORMAT
              + ": API response without json.data.things"
              + (nErrors > 0 ? " [errors " + PostBuilder.cut(errors.toString(), 300) + "]" : ""));
    }
    for (int i = 0; i < things.size(); i++) {
      thing(things.get(i), "json.data.things[" + i + "]", m);
    }
  }

  /**
   * Walks a thing and its children without recursion, so deep comment trees cost no stack. A thing
   * that is not well formed below the top is skipped with a warning; a malformed top fails.
   */
  private static void thing(JsonNode top, String where, ThingMapper m) throws PostFormatException {
    List<JsonNode> stack = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    stack.add(top);
    paths.add(where);
    int seen = 0;
    while (!stack.isEmpty()) {
      JsonNode t = stack.remove(stack.size() - 1);
      String at = paths.remove(paths.size() - 1);
      if (++seen > MAX_THINGS) {
        throw new PostFormatException(FORMAT + ": too many things [max " + MAX_THINGS + "]");
      }
      boolean isTop = t == top;
      if (t == null || !t.isObject()) {
        bad(isTop, m, FORMAT + " " + at + ": thing must be an object");
        continue;
      }
      String kind = Parsing.nonBlank(t, "kind");
      if (kind == null) {
        bad(isTop, m, FORMAT + " " + at + ".kind: required string is missing");
        continue;
      }
      JsonNode data = t.get("data");
      if (data == null || !data.isObject()) {
        bad(isTop, m, FORMAT + " " + at + ".data: required object is missing");
        continue;
      }
      switch (kind) {
        case "Listing" -> {
          JsonNode children = data.get("children");
          if (children == null || !children.isArray()) {
            bad(isTop, m, FORMAT + " " + at + ".data.children: must be an array");
            continue;
          }
          for (int i = children.size() - 1; i >= 0; i--) {
            stack.add(children.get(i));
            paths.add(at + ".children[" + i + "]");
          }
        }
        case "t1", "t3" -> {
          if (isTop && where.equals("listing")) {
            m.mapOnly(kind, data, FORMAT + " " + at);
          } else {
            m.map(kind, data, FORMAT + " " + at);
          }
          JsonNode replies = data.get("replies");
          if (replies != null && replies.isObject()) {
            stack.add(replies);
            paths.add(at + ".replies");
          }
        }
        default -> {
          // "more" stubs, accounts (t2), subreddits (t5), awards...: no post.
        }
      }
    }
  }

  private static void bad(boolean top, ThingMapper m, String message) throws PostFormatException {
    if (top) {
      throw new PostFormatException(message);
    }
    m.items().warn(message + ": skipped");
  }
}
