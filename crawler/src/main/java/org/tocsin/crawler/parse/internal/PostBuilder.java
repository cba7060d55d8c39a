package org.tocsin.crawler.parse.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.json.PostJson;
import org.tocsin.core.post.Author;
import org.tocsin.core.post.Media;
import org.tocsin.core.post.Metrics;
import org.tocsin.core.post.Post;

/**
 * Collects the fields of one post and builds it within the Post JSON contract: over-long text is
 * cut, lists are de-duplicated and bounded, and the result is checked by a round trip through
 * {@link PostJson}, so that every post a parser returns can be written and read back unchanged.
 */
public final class PostBuilder {

  private static final int MAX_ID = 512;
  private static final int MAX_URL = 8_192;
  private static final int MAX_TAG = 1_024;

  /** The platform name. */
  public String platform;

  /** The platform's id of the post. */
  public String id;

  /** The public URL of the post. */
  public String url;

  /** The author's stable id. */
  public String authorId;

  /** The author's handle. */
  public String handle;

  /** The author's display name. */
  public String displayName;

  /** The author's follower count. */
  public Long followers;

  /** When the author's account was created. */
  public Instant authorCreatedAt;

  /** When the post was written. */
  public Instant createdAt;

  /** The post's plain text. */
  public String text = "";

  /** The language tag. */
  public String lang;

  /** The id of the post replied to. */
  public String replyTo;

  /** The id of the post reposted. */
  public String repostOf;

  /** The id of the post quoted. */
  public String quoteOf;

  /** When the post was last edited. */
  public Instant edited;

  /** Engagement counts. */
  public Metrics metrics = Metrics.UNKNOWN;

  private final Set<String> links = new LinkedHashSet<>();
  private final Set<String> hashtags = new LinkedHashSet<>();
  private final Set<String> mentions = new LinkedHashSet<>();
  private final Set<String> media = new LinkedHashSet<>();
  private final Map<String, JsonNode> extra = new LinkedHashMap<>();

  /** Creates a builder for a post of the given platform. */
  public PostBuilder(String platform) {
    this.platform = platform;
  }

  /** Adds a link if it is an absolute http(s) URL of sane length. */
  public PostBuilder link(String u) {
    if (Parsing.isWebUrl(u) && links.size() < PostJson.MAX_LIST_ENTRIES) {
      links.add(u);
    }
    return this;
  }

  /** Adds a hashtag; a leading {@code #} is removed. */
  public PostBuilder hashtag(String tag) {
    add(hashtags, strip(tag, '#'));
    return this;
  }

  /** Adds a mention; a leading {@code @} is removed. */
  public PostBuilder mention(String handle) {
    add(mentions, strip(handle, '@'));
    return this;
  }

  /** Adds a media URL if it is an absolute http(s) URL. */
  public PostBuilder media(String u) {
    if (Parsing.isWebUrl(u) && media.size() < PostJson.MAX_LIST_ENTRIES) {
      media.add(u);
    }
    return this;
  }

  /** Keeps a platform field that the contract does not name; strings are cut to a sane length. */
  public PostBuilder extra(String name, String value) {
    if (value != null) {
      extra.put(name, JsonNodeFactory.instance.textNode(cut(value, MAX_URL)));
    }
    return this;
  }

  /** Keeps a numeric platform field that the contract does not name. */
  public PostBuilder extra(String name, long value) {
    extra.put(name, JsonNodeFactory.instance.numberNode(value));
    return this;
  }

  /**
   * Builds the post.
   *
   * @throws PostFormatException if a required field (id, author id, created time) is missing, or
   *     the post does not survive a Post JSON round trip; the message names the post
   */
  public Post build() throws PostFormatException {
    String where = platform + " post " + (id == null ? "?" : cut(id, 80));
    if (id == null || id.isBlank() || id.length() > MAX_ID) {
      throw new PostFormatException(where + ": id is missing or too long");
    }
    if (authorId == null || authorId.isBlank() || authorId.length() > MAX_ID) {
      throw new PostFormatException(where + ": author id is missing or too long");
    }
    if (createdAt == null) {
      throw new PostFormatException(where + ": created time is missing");
    }
    List<Media> m = new ArrayList<>(media.size());
    media.forEach(u -> m.add(new Media(u, null)));
    Post p =
        new Post(
            platform,
            id,
            Parsing.isWebUrl(url) ? url : null,
            new Author(
                authorId,
                cut(handle, MAX_TAG),
                cut(displayName, MAX_TAG),
                followers,
                authorCreatedAt),
            createdAt,
            cut(text == null ? "" : text, PostJson.MAX_TEXT_CHARS),
            lang == null || lang.isBlank() || lang.length() > 35 ? null : lang,
            idOrNull(replyTo),
            idOrNull(repostOf),
            idOrNull(quoteOf),
            List.copyOf(links),
            List.copyOf(hashtags),
            List.copyOf(mentions),
            m,
            metrics,
            edited,
            extra);
    return PostJson.fromNode(PostJson.toNode(p));
  }

  private static String idOrNull(String s) {
    return s == null || s.isBlank() || s.length() > MAX_ID ? null : s;
  }

  private static void add(Set<String> set, String v) {
    if (v != null
        && !v.isBlank()
        && v.length() <= MAX_TAG
        && set.size() < PostJson.MAX_LIST_ENTRIES) {
      set.add(v);
    }
  }

  private static String strip(String s, char lead) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return !t.isEmpty() && t.charAt(0) == lead ? t.substring(1) : t;
  }

  /** Cuts a string to at most {@code max} characters without splitting a surrogate pair. */
  public static String cut(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
    return s.substring(0, end);
  }
}
