package org.tocsin.crawler.parse;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tocsin.core.evidence.CaptureParser;
import org.tocsin.crawler.parse.bluesky.JetstreamEventParser;
import org.tocsin.crawler.parse.fourchan.FourchanThreadParser;
import org.tocsin.crawler.parse.mastodon.MastodonStatusParser;
import org.tocsin.crawler.parse.reddit.RedditListingParser;
import org.tocsin.crawler.parse.rss.FeedParser;
import org.tocsin.crawler.parse.telegram.TelegramPageParser;

/** The parsers of every platform format the crawler captures, keyed by capture format. */
public final class CrawlerParsers {

  private static final List<CaptureParser> ALL =
      List.of(
          new MastodonStatusParser(),
          new JetstreamEventParser(),
          new TelegramPageParser(),
          new RedditListingParser(),
          new FeedParser(),
          new FourchanThreadParser());

  private static final Map<String, CaptureParser> BY_FORMAT =
      ALL.stream()
          .collect(Collectors.toUnmodifiableMap(CaptureParser::format, Function.identity()));

  private CrawlerParsers() {}

  /** Every parser, one per format; the parsers are stateless and thread-safe. */
  public static List<CaptureParser> all() {
    return ALL;
  }

  /**
   * The parser of a capture format.
   *
   * @throws IllegalArgumentException if no crawler parser reads that format
   */
  public static CaptureParser forFormat(String format) {
    Objects.requireNonNull(format, "format");
    CaptureParser p = BY_FORMAT.get(format);
    if (p == null) {
      throw new IllegalArgumentException(
          "no crawler parser for capture format [got "
              + format
              + ", known "
              + BY_FORMAT.keySet()
              + "]");
    }
    return p;
  }
}
