package org.tocsin.crawler.parse.reddit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.post.Metrics;
import org.tocsin.core.post.Post;
import org.tocsin.crawler.parse.UpstreamDeletion;
import org.tocsin.crawler.parse.internal.Items;
import org.tocsin.crawler.parse.internal.Parsing;
import org.tocsin.crawler.parse.internal.PostBuilder;

/** Maps Reddit submissions and comments to posts, and deleted ones to deletions. */
final class ThingMapper {

  static final String PLATFORM = "reddit";

  private final Instant observedAt;
  private final Items items = new Items(RedditListingParser.FORMAT);
  private final List<UpstreamDeletion> deletions = new ArrayList<>();

  ThingMapper(Instant observedAt) {
    this.observedAt = observedAt;
  }

  /** The posts and the warnings of the things skipped. */
  Items items() {
    return items;
  }

  List<UpstreamDeletion> deletions() {
    return deletions;
  }

  /** Maps one thing; a bad one is skipped with a warning and the others are kept. */
  void map(String kind, JsonNode d, String where) {
    items.item(where, out -> map(kind, d, where, out));
  }

  /**
   * Maps the one thing a capture holds; unlike a thing in a listing, its failure fails the capture.
   */
  void mapOnly(String kind, JsonNode d, String where) throws PostFormatException {
    map(kind, d, where, items.posts());
  }

  private void map(String kind, JsonNode d, String where, List<Post> out)
      throws PostFormatException {
    String name = Parsing.nonBlank(d, "name");
    if (name == null) {
      String id = Parsing.required(d, "id", where);
      name = kind + "_" + id;
    }
    boolean submission = kind.equals("t3");
    String body = Parsing.text(d, submission ? "selftext" : "body");
    String author = Parsing.nonBlank(d, "author");
    if (isGone(body) && (!submission || isGone(author) || "[removed]".equals(body))) {
      deletions.add(new UpstreamDeletion(PLATFORM, name, observedAt));
      return;
    }
    PostBuilder b = new PostBuilder(PLATFORM);
    b.id = name;
    String permalink = Parsing.nonBlank(d, "permalink");
    b.url =
        permalink != null && permalink.startsWith("/")
            ? "https://www.reddit.com" + permalink
            : null;
    String fullname = Parsing.nonBlank(d, "author_fullname");
    b.authorId = fullname != null ? fullname : author;
    b.handle = author;
    b.createdAt = Parsing.epochSeconds(d.get("created_utc"));
    if (b.createdAt == null) {
      throw new PostFormatException(
          where
              + ".created_utc: must be seconds since the epoch [got "
              + d.get("created_utc")
              + "]");
    }
    JsonNode edited = d.get("edited");
    b.edited = edited != null && edited.isNumber() ? Parsing.epochSeconds(edited) : null;
    String title = Parsing.text(d, "title");
    String text = body == null ? "" : body;
    b.text = submission && title != null ? (text.isEmpty() ? title : title + "\n\n" + text) : text;
    b.replyTo = submission ? null : Parsing.nonBlank(d, "parent_id");
    b.repostOf = submission ? Parsing.nonBlank(d, "crosspost_parent") : null;
    b.extra("subreddit", Parsing.nonBlank(d, "subreddit"));
    b.extra("removedBy", Parsing.nonBlank(d, "removed_by_category"));
    if (submission && !d.path("is_self").asBoolean(false)) {
      String u = Parsing.nonBlank(d, "url_overridden_by_dest");
      b.link(u != null ? u : Parsing.nonBlank(d, "url"));
    }
    String hint = Parsing.nonBlank(d, "post_hint");
    if ("image".equals(hint)) {
      b.media(Parsing.nonBlank(d, "url"));
    }
    JsonNode video = d.path("media").path("reddit_video");
    b.media(Parsing.nonBlank(video, "fallback_url"));
    b.metrics =
        new Metrics(
            Parsing.count(d, "ups"),
            Parsing.count(d, "num_crossposts"),
            submission ? Parsing.count(d, "num_comments") : null,
            null);
    out.add(b.build());
  }

  private static boolean isGone(String s) {
    return "[deleted]".equals(s) || "[removed]".equals(s);
  }
}
