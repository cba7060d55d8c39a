package org.tocsin.crawler.parse.rss;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.jsoup.nodes.Element;
import org.tocsin.core.evidence.Capture;
import org.tocsin.core.evidence.CaptureParser;
import org.tocsin.core.evidence.ParseResult;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.post.Post;
import org.tocsin.crawler.parse.internal.BoundedXml;
import org.tocsin.crawler.parse.internal.Guard;
import org.tocsin.crawler.parse.internal.HtmlText;
import org.tocsin.crawler.parse.internal.Items;
import org.tocsin.crawler.parse.internal.Parsing;
import org.tocsin.crawler.parse.internal.PostBuilder;

/**
 * Parses an RSS or Atom feed with ROME (DOCTYPEs refused, so no external entities), after a
 * streaming pass that bounds depth, size and time ({@link BoundedXml}); characters XML forbids are
 * replaced first, with a warning, so that one stray control character does not cost the feed. Each
 * entry becomes a post whose author is the feed (author id = the feed URL) and whose id is the
 * entry's guid/id when that is an absolute URL, else {@code <feed host>/<guid>}. Text is the title
 * and the HTML description or content as plain text; categories become hashtags, enclosures media.
 */
public final class FeedParser implements CaptureParser {

  /** The capture format this parser reads. */
  public static final String FORMAT = "rss";

  /** The most entries read from one feed. */
  public static final int MAX_ENTRIES = 5_000;

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
    Items items = new Items(FORMAT);
    String xml;
    try (XmlReader reader = new XmlReader(new ByteArrayInputStream(c.body()))) {
      xml = readAll(reader);
    } catch (IOException e) {
      throw new PostFormatException(FORMAT + ": not a feed: " + e.getMessage(), e);
    }
    BoundedXml.Cleaned cleaned = BoundedXml.clean(xml);
    if (cleaned.replaced() > 0) {
      items.warn(
          FORMAT
              + ": "
              + cleaned.replaced()
              + " characters that XML forbids (control characters) replaced by U+FFFD");
    }
    // Depth, size and time bounds in one streaming pass before ROME builds a tree.
    URI documentUrl = documentBase(c.url());
    List<URI> entryBases = BoundedXml.check(cleaned.xml(), FORMAT, documentUrl);
    SyndFeed feed;
    try {
      SyndFeedInput input = new SyndFeedInput();
      input.setAllowDoctypes(false);
      feed = input.build(new StringReader(cleaned.xml()));
    } catch (FeedException e) {
      throw new PostFormatException(FORMAT + ": not a feed: " + e.getMessage(), e);
    }
    List<SyndEntry> entries = feed.getEntries();
    if (entries.size() > MAX_ENTRIES) {
      throw new PostFormatException(FORMAT + ": too many entries [got " + entries.size() + "]");
    }
    String host = Parsing.host(c.url());
    boolean basesKnown = entryBases.size() == entries.size();
    for (int i = 0; i < entries.size(); i++) {
      SyndEntry e = entries.get(i);
      URI base = basesKnown ? entryBases.get(i) : documentUrl;
      String where = FORMAT + " entry " + i;
      items.item(where, out -> out.add(entry(e, feed, c, host, base, where)));
    }
    return items.result();
  }

  private static String readAll(Reader r) throws IOException {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[8192];
    for (int n; (n = r.read(buf)) >= 0; ) {
      sb.append(buf, 0, n);
    }
    return sb.toString();
  }

  /** The capture URL as a base for relative links, if it is an http(s) URL. */
  private static URI documentBase(String url) {
    if (!Parsing.isWebUrl(url)) {
      return null;
    }
    try {
      return new URI(url);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /**
   * A link made absolute: ROME resolves an absolute {@code xml:base} but leaves a link under a
   * relative one (or none) relative; such a link is resolved against the base in effect at its
   * entry, which {@link BoundedXml#check} worked out from the document's own URL (RFC 3986 5.1). A
   * link that stays relative is dropped.
   */
  static String absolute(String link, URI base) {
    if (link == null || Parsing.isWebUrl(link)) {
      return link;
    }
    if (base == null || link.length() > 8192) {
      return null;
    }
    try {
      String r = base.resolve(new URI(link.strip())).toString();
      return Parsing.isWebUrl(r) ? r : null;
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  private static Post entry(
      SyndEntry e, SyndFeed feed, Capture c, String host, URI base, String where)
      throws PostFormatException {
    PostBuilder b = new PostBuilder(FORMAT);
    String guid = blankToNull(e.getUri());
    String link = absolute(blankToNull(e.getLink()), base);
    String key = guid != null ? guid : link;
    if (key == null) {
      key = blankToNull(e.getTitle());
    }
    if (key == null) {
      throw new PostFormatException(where + ": entry has no guid, id, link or title");
    }
    b.id = Parsing.isWebUrl(key) || host == null ? key : host + "/" + key;
    b.url = link;
    b.authorId = c.url();
    b.handle = host;
    b.displayName = blankToNull(e.getAuthor()) != null ? e.getAuthor() : feed.getTitle();
    Instant published = instant(e.getPublishedDate());
    Instant updated = instant(e.getUpdatedDate());
    b.createdAt = published != null ? published : updated;
    if (b.createdAt == null) {
      b.createdAt = c.receivedAt();
      b.extra("createdAtFrom", "capture");
    }
    b.edited = updated != null && !updated.equals(b.createdAt) ? updated : null;
    b.lang = blankToNull(feed.getLanguage());
    String html = body(e);
    Element root = HtmlText.fragment(html);
    for (String u : HtmlText.links(root, 1_000)) {
      b.link(u);
    }
    b.link(link);
    String title = e.getTitle() == null ? "" : HtmlText.of(e.getTitle());
    String text = HtmlText.of(root);
    b.text = title.isEmpty() ? text : text.isEmpty() ? title : title + "\n\n" + text;
    for (SyndCategory cat : e.getCategories()) {
      b.hashtag(cat.getName());
    }
    for (SyndEnclosure enc : e.getEnclosures()) {
      b.media(absolute(enc.getUrl(), base));
    }
    return b.build();
  }

  /** The richest body: full content if any, else the description. */
  private static String body(SyndEntry e) {
    StringBuilder sb = new StringBuilder();
    for (SyndContent content : e.getContents()) {
      if (content.getValue() != null) {
        sb.append(content.getValue()).append('\n');
      }
    }
    if (sb.length() == 0 && e.getDescription() != null) {
      sb.append(e.getDescription().getValue());
    }
    return sb.toString();
  }

  private static Instant instant(Date d) {
    return d == null ? null : d.toInstant();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
