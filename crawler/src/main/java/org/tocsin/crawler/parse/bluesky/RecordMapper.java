package org.tocsin.crawler.parse.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.post.Post;
import org.tocsin.crawler.parse.internal.Parsing;
import org.tocsin.crawler.parse.internal.PostBuilder;

/** Maps an {@code app.bsky.feed.post} or {@code app.bsky.feed.repost} record to a post. */
final class RecordMapper {

  static final String PLATFORM = "bluesky";

  private static final String IMAGE_CDN = "https://cdn.bsky.app/img/feed_fullsize/plain/";
  private static final String VIDEO_CDN = "https://video.bsky.app/watch/";

  private RecordMapper() {}

  static Post map(
      String did,
      String collection,
      String rkey,
      JsonNode record,
      String cid,
      Instant eventTime,
      boolean update,
      JsonNode event,
      String where)
      throws PostFormatException {
    PostBuilder b = new PostBuilder(PLATFORM);
    b.id = JetstreamEventParser.atUri(did, collection, rkey);
    b.authorId = did;
    Instant claimed = Parsing.time(Parsing.text(record, "createdAt"));
    // createdAt is written by the client and may be anything; the relay's time is the fallback.
    b.createdAt = claimed != null ? claimed : eventTime;
    b.edited = update ? eventTime : null;
    b.extra("cid", cid);
    b.extra("timeUs", event.get("time_us").longValue());
    if (collection.equals(JetstreamEventParser.REPOST)) {
      JsonNode subject = record.get("subject");
      b.repostOf = Parsing.required(subject, "uri", where + ".record.subject");
      return b.build();
    }
    b.url = "https://bsky.app/profile/" + did + "/post/" + rkey;
    String text = Parsing.text(record, "text");
    b.text = text == null ? "" : text;
    JsonNode langs = record.get("langs");
    if (langs != null && langs.isArray() && !langs.isEmpty()) {
      b.lang = langs.get(0).isTextual() ? langs.get(0).textValue() : null;
    }
    JsonNode reply = record.get("reply");
    if (reply != null && reply.isObject()) {
      b.replyTo = Parsing.nonBlank(reply.get("parent"), "uri");
    }
    facets(record.get("facets"), b);
    for (JsonNode t : iter(record.get("tags"))) {
      b.hashtag(t.isTextual() ? t.textValue() : null);
    }
    embed(record.get("embed"), did, b, 0);
    return b.build();
  }

  private static void facets(JsonNode facets, PostBuilder b) {
    for (JsonNode f : iter(facets)) {
      for (JsonNode feature : iter(f.get("features"))) {
        String type = Parsing.text(feature, "$type");
        if (type == null) {
          continue;
        }
        switch (type) {
          case "app.bsky.richtext.facet#link" -> b.link(Parsing.text(feature, "uri"));
          case "app.bsky.richtext.facet#tag" -> b.hashtag(Parsing.text(feature, "tag"));
          case "app.bsky.richtext.facet#mention" -> b.mention(Parsing.text(feature, "did"));
          default -> {
            // unknown facet kinds carry no link, tag or mention
          }
        }
      }
    }
  }

  private static void embed(JsonNode embed, String did, PostBuilder b, int depth) {
    if (embed == null || !embed.isObject() || depth > 2) {
      return;
    }
    String type = Parsing.text(embed, "$type");
    if (type == null) {
      return;
    }
    switch (type) {
      case "app.bsky.embed.images" -> {
        for (JsonNode img : iter(embed.get("images"))) {
          String ref = blobRef(img.get("image"));
          b.media(ref == null ? null : IMAGE_CDN + did + "/" + ref + "@jpeg");
        }
      }
      case "app.bsky.embed.video" -> {
        String ref = blobRef(embed.get("video"));
        b.media(ref == null ? null : VIDEO_CDN + did + "/" + ref + "/playlist.m3u8");
      }
      case "app.bsky.embed.external" -> b.link(Parsing.text(embed.get("external"), "uri"));
      case "app.bsky.embed.record" -> b.quoteOf = Parsing.nonBlank(embed.get("record"), "uri");
      case "app.bsky.embed.recordWithMedia" -> {
        JsonNode rec = embed.get("record");
        b.quoteOf = rec == null ? null : Parsing.nonBlank(rec.get("record"), "uri");
        embed(embed.get("media"), did, b, depth + 1);
      }
      default -> {
        // other embeds carry no media, link or quote we map
      }
    }
  }

  /** The CID of a blob ({@code {"ref": {"$link": cid}}}), or {@code null}. */
  private static String blobRef(JsonNode blob) {
    if (blob == null || !blob.isObject()) {
      return null;
    }
    String cid = Parsing.nonBlank(blob.get("ref"), "$link");
    if (cid == null) {
      cid = Parsing.nonBlank(blob, "cid"); // legacy blob form
    }
    return cid != null && cid.matches("[A-Za-z0-9]{1,128}") ? cid : null;
  }

  private static Iterable<JsonNode> iter(JsonNode n) {
    return n != null && n.isArray() ? n : List.of();
  }
}
