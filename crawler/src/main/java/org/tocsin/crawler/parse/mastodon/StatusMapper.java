package org.tocsin.crawler.parse.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jsoup.nodes.Element;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.post.Metrics;
import org.tocsin.core.post.Post;
import org.tocsin.crawler.parse.internal.HtmlText;
import org.tocsin.crawler.parse.internal.Parsing;
import org.tocsin.crawler.parse.internal.PostBuilder;

/** Maps one Mastodon status entity (and any boosted or quoted status in it) to posts. */
final class StatusMapper {

  static final String PLATFORM = "mastodon";

  private final String host;

  StatusMapper(String host) {
    this.host = host;
  }

  /** The post id form: the instance host and the instance-local id. */
  String qualify(String localId) {
    return host + "/" + localId;
  }

  /**
   * Maps a status; a boosted or quoted status is added before the status that embeds it.
   *
   * @throws PostFormatException if the status lacks its id, account or creation time
   */
  void map(JsonNode s, String where, List<Post> out) throws PostFormatException {
    map(s, where, out, 0);
  }

  private void map(JsonNode s, String where, List<Post> out, int depth) throws PostFormatException {
    if (s == null || !s.isObject()) {
      throw new PostFormatException(
          MastodonStatusParser.FORMAT + " " + where + ": status must be an object");
    }
    PostBuilder b = new PostBuilder(PLATFORM);
    b.id = qualify(Parsing.required(s, "id", where));
    b.url = Parsing.nonBlank(s, "url");
    if (b.url == null) {
      b.url = Parsing.nonBlank(s, "uri");
    }
    b.extra("uri", Parsing.nonBlank(s, "uri"));
    b.createdAt = Parsing.requiredTime(s, "created_at", where);
    b.edited = Parsing.time(Parsing.text(s, "edited_at"));
    b.lang = Parsing.nonBlank(s, "language");
    b.extra("contentWarning", Parsing.nonBlank(s, "spoiler_text"));
    b.extra("visibility", Parsing.nonBlank(s, "visibility"));
    account(s.get("account"), where, b);
    String reply = Parsing.nonBlank(s, "in_reply_to_id");
    b.replyTo = reply == null ? null : qualify(reply);
    b.metrics =
        new Metrics(
            Parsing.count(s, "favourites_count"),
            Parsing.count(s, "reblogs_count"),
            Parsing.count(s, "replies_count"),
            null);

    JsonNode reblog = s.get("reblog");
    if (reblog != null && reblog.isObject() && depth == 0) {
      map(reblog, where + ".reblog", out, depth + 1);
      b.repostOf = qualify(Parsing.required(reblog, "id", where + ".reblog"));
    }
    JsonNode quoted = quotedStatus(s);
    if (quoted != null && depth == 0) {
      map(quoted, where + ".quote", out, depth + 1);
      b.quoteOf = qualify(Parsing.required(quoted, "id", where + ".quote"));
    } else {
      String qid = quotedId(s);
      b.quoteOf = qid == null ? null : qualify(qid);
    }
    content(s, b);
    for (JsonNode t : iter(s.get("tags"))) {
      b.hashtag(Parsing.text(t, "name"));
    }
    for (JsonNode m : iter(s.get("mentions"))) {
      b.mention(Parsing.text(m, "acct"));
    }
    for (JsonNode m : iter(s.get("media_attachments"))) {
      String u = Parsing.nonBlank(m, "url");
      b.media(u != null ? u : Parsing.nonBlank(m, "remote_url"));
    }
    JsonNode card = s.get("card");
    if (card != null && card.isObject()) {
      b.link(Parsing.nonBlank(card, "url"));
    }
    out.add(b.build());
  }

  private void account(JsonNode a, String where, PostBuilder b) throws PostFormatException {
    if (a == null || !a.isObject()) {
      throw new PostFormatException(
          MastodonStatusParser.FORMAT + " " + where + ".account: required object is missing");
    }
    b.authorId = qualify(Parsing.required(a, "id", where + ".account"));
    String acct = Parsing.nonBlank(a, "acct");
    b.handle = acct == null || acct.contains("@") ? acct : acct + "@" + host;
    b.displayName = Parsing.nonBlank(a, "display_name");
    b.followers = Parsing.count(a, "followers_count");
    b.authorCreatedAt = Parsing.time(Parsing.text(a, "created_at"));
  }

  /** Text from the HTML {@code content}; a delete-and-redraft status has only its source text. */
  private static void content(JsonNode s, PostBuilder b) {
    String html = Parsing.text(s, "content");
    if (html == null) {
      String source = Parsing.text(s, "text");
      b.text = source == null ? "" : source;
      return;
    }
    Element body = HtmlText.fragment(html);
    // Quote fallback paragraph ("RE: <link>") added for old clients: the quote is in quoteOf.
    body.select(".quote-inline").remove();
    for (Element a : body.select("a[href]")) {
      if (!a.hasClass("mention") && !a.hasClass("hashtag") && !a.hasClass("u-url")) {
        b.link(a.attr("href"));
      }
    }
    b.text = HtmlText.of(body);
  }

  private static JsonNode quotedStatus(JsonNode s) {
    JsonNode q = s.get("quote");
    if (q == null || !q.isObject()) {
      return null;
    }
    JsonNode qs = q.get("quoted_status");
    if (qs != null && qs.isObject()) {
      return qs;
    }
    return q.has("account") && q.has("id") ? q : null;
  }

  private static String quotedId(JsonNode s) {
    JsonNode q = s.get("quote");
    String id = q != null && q.isObject() ? Parsing.nonBlank(q, "quoted_status_id") : null;
    return id != null ? id : Parsing.nonBlank(s, "quote_id");
  }

  private static Iterable<JsonNode> iter(JsonNode n) {
    return n != null && n.isArray() ? n : List.of();
  }
}
