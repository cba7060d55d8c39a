package org.tocsin.crawler.parse.reddit;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Parses Reddit listings: one {@code Listing}, an array of them (a submission with its comment
 * tree), or one thing. Submissions ({@code t3}) and comments ({@code t1}, with their nested {@code
 * replies}) become posts keyed by fullname ({@code t3_abc}); {@code replyTo} is the {@code
 * parent_id} and a crosspost's {@code repostOf} its {@code crosspost_parent}. A thing whose text
 * Reddit replaced with {@code [deleted]} or {@code [removed]} is reported by {@link #deletions}
 * instead of as a post.
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
    return Guard.run(FORMAT, () -> read(capture).posts());
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
    } else if (root.isObject()) {
      thing(root, "listing", m);
    } else {
      throw new PostFormatException(
          FORMAT + ": expected a listing [got " + root.getNodeType() + "]");
    }
    return m;
  }

  /** Walks a thing and its children without recursion, so deep comment trees cost no stack. */
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
      if (t == null || !t.isObject()) {
        throw new PostFormatException(FORMAT + " " + at + ": thing must be an object");
      }
      String kind = Parsing.required(t, "kind", FORMAT + " " + at);
      JsonNode data = t.get("data");
      if (data == null || !data.isObject()) {
        throw new PostFormatException(FORMAT + " " + at + ".data: required object is missing");
      }
      switch (kind) {
        case "Listing" -> {
          JsonNode children = data.get("children");
          if (children == null || !children.isArray()) {
            throw new PostFormatException(FORMAT + " " + at + ".data.children: must be an array");
          }
          for (int i = children.size() - 1; i >= 0; i--) {
            stack.add(children.get(i));
            paths.add(at + ".children[" + i + "]");
          }
        }
        case "t1", "t3" -> {
          m.map(kind, data, FORMAT + " " + at);
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
}
