package org.tocsin.core.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One observation of a public post: the Post JSON contract of DESIGN.md.
 *
 * <p>Fields this version does not know are kept in {@link #extra} and written back unchanged, so
 * that a round trip through Tocsin never loses what a platform or an investigator put there.
 *
 * @param platform platform name ({@code twitter}, {@code mastodon}, {@code bluesky}, ...)
 * @param id the platform's id of the post
 * @param url the post's public URL, or {@code null} if the source gave none
 * @param author who wrote it
 * @param createdAt when the platform says it was written
 * @param text the post's text as captured (hostile: escape on output)
 * @param lang BCP-47 language tag if known, else {@code null}
 * @param replyTo platform id of the post this replies to, or {@code null}
 * @param repostOf platform id of the post this reposts, or {@code null}
 * @param quoteOf platform id of the post this quotes, or {@code null}
 * @param links links in the post
 * @param hashtags hashtags without the leading {@code #}
 * @param mentions mentioned handles without the leading {@code @}
 * @param media media attachments
 * @param metrics engagement counts at capture time
 * @param edited when the platform says the post was last edited, or {@code null}
 * @param extra unknown fields, kept verbatim
 */
public record Post(
    String platform,
    String id,
    String url,
    Author author,
    Instant createdAt,
    String text,
    String lang,
    String replyTo,
    String repostOf,
    String quoteOf,
    List<String> links,
    List<String> hashtags,
    List<String> mentions,
    List<Media> media,
    Metrics metrics,
    Instant edited,
    Map<String, JsonNode> extra) {

  /** Checks the required fields and freezes the collections. */
  public Post {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(text, "text");
    links = List.copyOf(links == null ? List.of() : links);
    hashtags = List.copyOf(hashtags == null ? List.of() : hashtags);
    mentions = List.copyOf(mentions == null ? List.of() : mentions);
    media = List.copyOf(media == null ? List.of() : media);
    metrics = metrics == null ? Metrics.UNKNOWN : metrics;
    extra = extra == null ? Map.of() : Map.copyOf(extra);
  }

  /**
   * A post known only by its text: no URL, no reply or repost, no links, tags, media or reach. For
   * text that arrives without a platform payload (plain-text input, labelled corpora, tests).
   */
  public static Post ofText(
      String platform, String id, Author author, Instant createdAt, String text, String lang) {
    return new Post(
        platform,
        id,
        null,
        author,
        createdAt,
        text,
        lang,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        Metrics.UNKNOWN,
        null,
        null);
  }

  /** This post under another platform id (for corpora and benchmarks that reuse real texts). */
  public Post withId(String newId) {
    return new Post(
        platform, newId, url, author, createdAt, text, lang, replyTo, repostOf, quoteOf, links,
        hashtags, mentions, media, metrics, edited, extra);
  }

  /** This post with another platform language tag, or none ({@code null}). */
  public Post withLang(String newLang) {
    return new Post(
        platform, id, url, author, createdAt, text, newLang, replyTo, repostOf, quoteOf, links,
        hashtags, mentions, media, metrics, edited, extra);
  }

  /** The post's identity across versions. */
  public PostKey key() {
    return new PostKey(platform, id);
  }
}
