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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.tocsin.core.evidence.Capture;
import org.tocsin.core.evidence.CaptureParser;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.post.Post;
import org.tocsin.crawler.parse.internal.Guard;
import org.tocsin.crawler.parse.internal.HtmlText;
import org.tocsin.crawler.parse.internal.Parsing;
import org.tocsin.crawler.parse.internal.PostBuilder;

/**
 * Parses an RSS or Atom feed with ROME (DOCTYPEs refused, so no external entities). Each entry
 * becomes a post whose author is the feed (author id = the feed URL) and whose id is the entry's
 * guid/id when that is an absolute URL, else {@code <feed host>/<guid>}. Text is the title and the
 * HTML description or content as plain text; categories become hashtags, enclosures media.
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
    return Guard.run(FORMAT, () -> read(capture));
  }

  private static List<Post> read(Capture c) throws PostFormatException {
    Parsing.checkSize(c.body(), FORMAT);
    SyndFeed feed;
    try (XmlReader reader = new XmlReader(new ByteArrayInputStream(c.body()))) {
      SyndFeedInput input = new SyndFeedInput();
      input.setAllowDoctypes(false);
      feed = input.build(reader);
    } catch (FeedException | IOException e) {
      throw new PostFormatException(FORMAT + ": not a feed: " + e.getMessage(), e);
    }
    List<SyndEntry> entries = feed.getEntries();
    if (entries.size() > MAX_ENTRIES) {
      throw new PostFormatException(FORMAT + ": too many entries [got " + entries.size() + "]");
    }
    String host = Parsing.host(c.url());
    List<Post> out = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      out.add(entry(entries.get(i), feed, c, host, FORMAT + " entry " + i));
    }
    return out;
  }

  private static Post entry(SyndEntry e, SyndFeed feed, Capture c, String host, String where)
      throws PostFormatException {
    PostBuilder b = new PostBuilder(FORMAT);
    String guid = blankToNull(e.getUri());
    String link = blankToNull(e.getLink());
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
    Element root = Jsoup.parseBodyFragment(html == null ? "" : html).body();
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
      b.media(enc.getUrl());
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
