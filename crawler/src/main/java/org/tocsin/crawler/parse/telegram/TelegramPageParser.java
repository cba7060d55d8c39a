package org.tocsin.crawler.parse.telegram;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.tocsin.core.evidence.Capture;
import org.tocsin.core.evidence.CaptureParser;
import org.tocsin.core.evidence.ParseResult;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.post.Metrics;
import org.tocsin.core.post.Post;
import org.tocsin.crawler.parse.internal.Guard;
import org.tocsin.crawler.parse.internal.HtmlText;
import org.tocsin.crawler.parse.internal.Items;
import org.tocsin.crawler.parse.internal.Parsing;
import org.tocsin.crawler.parse.internal.PostBuilder;

/**
 * Parses a Telegram channel preview page ({@code t.me/s/<channel>}, or a saved fragment of one)
 * with jsoup. Each {@code .tgme_widget_message[data-post]} becomes a post with id {@code
 * <channel>/<message id>}; a forwarded message has {@code repostOf} set to the source message when
 * the source is a public channel (the source's name is kept in the extra field {@code
 * forwardedFrom} for every forward); a reply has {@code replyTo}. Voice notes and audio files are
 * media (extra field {@code mediaKind}). A message that cannot be read is skipped with a warning; a
 * page cut in transit is reported.
 *
 * <p>Telegram shows only an "edited" marker, not the time of the edit: such a post gets {@code
 * edited} = the capture's receive time (edited at or before then) and the extra field {@code
 * editedMarker}.
 */
public final class TelegramPageParser implements CaptureParser {

  /** The capture format this parser reads. */
  public static final String FORMAT = "telegram-html";

  /** The most messages read from one page. */
  public static final int MAX_MESSAGES = 1_000;

  private static final Pattern POST_REF = Pattern.compile("^([A-Za-z0-9_]{1,64})/([0-9]{1,19})$");
  private static final Pattern TME_LINK =
      Pattern.compile("^https?://t\\.me/(?:s/)?([A-Za-z0-9_]{1,64})/([0-9]{1,19})(?:[?#].*)?$");
  private static final Pattern CSS_URL = Pattern.compile("url\\(['\"]?([^'\")]{1,8192})['\"]?\\)");
  private static final Pattern HTML_START =
      Pattern.compile("<html[\\s>]", Pattern.CASE_INSENSITIVE);
  private static final Pattern HTML_END = Pattern.compile("</html\\s*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern COUNT =
      Pattern.compile("^([0-9]{1,12})(?:\\.([0-9]{1,3}))?([KMB]?)$");

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
    return Guard.run(FORMAT, () -> read(capture));
  }

  private static ParseResult read(Capture c) throws PostFormatException {
    Parsing.checkSize(c.body(), FORMAT);
    String html = new String(c.body(), StandardCharsets.UTF_8);
    int tags = HtmlText.tags(html);
    if (tags > HtmlText.MAX_PAGE_TAGS) {
      throw new PostFormatException(
          FORMAT + ": too many HTML tags [got " + tags + ", max " + HtmlText.MAX_PAGE_TAGS + "]");
    }
    Document doc = Jsoup.parse(html, c.url(), Parser.htmlParser());
    List<Element> messages = doc.select(".tgme_widget_message[data-post]");
    if (messages.isEmpty() && !html.contains("tgme_")) {
      throw new PostFormatException(
          FORMAT + ": not a t.me/s page (no tgme_ markup) [got " + c.url() + "]");
    }
    if (messages.size() > MAX_MESSAGES) {
      throw new PostFormatException(FORMAT + ": too many messages [got " + messages.size() + "]");
    }
    // A full page ends with </html>; one cut in transit does not, and its last message may be
    // cut too (saved fragments of single messages have no <html> at all).
    boolean truncated = HTML_START.matcher(html).find() && !HTML_END.matcher(html).find();
    if (messages.isEmpty() && truncated) {
      throw new PostFormatException(
          FORMAT + ": page is truncated before its first message (no </html>, no message)");
    }
    Items items = new Items(FORMAT);
    if (messages.isEmpty()) {
      items.warn(FORMAT + ": page holds no message");
    }
    if (truncated) {
      items.warn(FORMAT + ": page is truncated (no </html>): its last message may be cut");
    }
    for (int i = 0; i < messages.size(); i++) {
      Element m = messages.get(i);
      String ref = PostBuilder.cut(m.attr("data-post"), 100);
      items.item(FORMAT + " message " + (i + 1) + " (" + ref + ")", out -> out.add(message(m, c)));
    }
    return items.result();
  }

  private static Post message(Element m, Capture c) throws PostFormatException {
    String ref = m.attr("data-post");
    Matcher rm = POST_REF.matcher(ref);
    if (!rm.matches()) {
      throw new PostFormatException(
          FORMAT + ": data-post is not <channel>/<id> [got " + PostBuilder.cut(ref, 100) + "]");
    }
    String where = FORMAT + " message " + ref;
    PostBuilder b = new PostBuilder("telegram");
    b.id = ref;
    b.url = "https://t.me/" + ref;
    b.authorId = rm.group(1);
    b.handle = rm.group(1);
    Element owner = m.selectFirst(".tgme_widget_message_owner_name");
    b.displayName = owner == null ? null : owner.text();
    Element time = m.selectFirst(".tgme_widget_message_date time[datetime]");
    b.createdAt = time == null ? null : Parsing.time(time.attr("datetime"));
    if (b.createdAt == null) {
      throw new PostFormatException(where + ": no <time datetime> of the message");
    }
    Element meta = m.selectFirst(".tgme_widget_message_meta");
    if (meta != null && meta.ownText().toLowerCase(Locale.ROOT).contains("edited")) {
      b.edited = c.receivedAt();
      b.extra("editedMarker", "edited");
    }
    Element signature = m.selectFirst(".tgme_widget_message_from_author");
    b.extra("signature", signature == null ? null : signature.text());
    // Forwarded from a public channel: a link to the source message. From a user or a private
    // channel: only the name, in a span; the forward is still a forward.
    Element fwd = m.selectFirst(".tgme_widget_message_forwarded_from_name");
    if (fwd != null) {
      b.repostOf = fwd.hasAttr("href") ? tmeRef(fwd.attr("href")) : null;
      b.extra("forwardedFrom", fwd.text());
      if (fwd.hasAttr("href") && Parsing.isWebUrl(fwd.attr("href"))) {
        b.extra("forwardedFromUrl", fwd.attr("href"));
      }
    }
    Element reply = m.selectFirst("a.tgme_widget_message_reply[href]");
    if (reply != null) {
      b.replyTo = tmeRef(reply.attr("href"));
    }
    Element text = m.selectFirst(".tgme_widget_message_bubble > .tgme_widget_message_text");
    if (text == null) {
      text = m.selectFirst(".tgme_widget_message_text");
    }
    if (text != null) {
      b.text = HtmlText.of(text);
      for (Element a : text.select("a[href]")) {
        String label = a.text();
        if (label.startsWith("#")) {
          b.hashtag(label);
        } else if (label.startsWith("@")) {
          b.mention(label);
        } else {
          b.link(a.absUrl("href"));
        }
      }
    }
    Element preview = m.selectFirst("a.tgme_widget_message_link_preview[href]");
    if (preview != null) {
      b.link(preview.attr("href"));
    }
    for (Element e :
        m.select(
            ".tgme_widget_message_photo_wrap[style], .tgme_widget_message_video_thumb[style], .tgme_widget_message_roundvideo_thumb[style]")) {
      Matcher u = CSS_URL.matcher(e.attr("style"));
      if (u.find()) {
        b.media(u.group(1));
      }
    }
    for (Element v : m.select("video[src], audio[src]")) {
      b.media(v.absUrl("src"));
    }
    if (m.selectFirst(".tgme_widget_message_voice") != null) {
      b.extra("mediaKind", "voice");
    } else if (m.selectFirst(".tgme_widget_message_audio, audio") != null) {
      b.extra("mediaKind", "audio");
    }
    Element views = m.selectFirst(".tgme_widget_message_views");
    b.metrics = new Metrics(null, null, null, views == null ? null : count(views.text()));
    return b.build();
  }

  /** {@code channel/id} of a t.me message link, or {@code null} for any other link. */
  private static String tmeRef(String href) {
    Matcher m = TME_LINK.matcher(href);
    return m.matches() ? m.group(1) + "/" + m.group(2) : null;
  }

  /** Telegram's rounded counts: {@code 950}, {@code 37.2K}, {@code 1.5M}. */
  static Long count(String s) {
    Matcher m = COUNT.matcher(s.strip());
    if (!m.matches()) {
      return null;
    }
    long whole = Long.parseLong(m.group(1));
    String frac = m.group(2) == null ? "" : m.group(2);
    long scale =
        switch (m.group(3)) {
          case "K" -> 1_000L;
          case "M" -> 1_000_000L;
          case "B" -> 1_000_000_000L;
          default -> 1L;
        };
    long f = frac.isEmpty() ? 0 : Long.parseLong(frac) * scale / (long) Math.pow(10, frac.length());
    return whole * scale + f;
  }
}
