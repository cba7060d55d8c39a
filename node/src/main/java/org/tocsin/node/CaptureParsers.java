package org.tocsin.node;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tocsin.core.evidence.Capture;
import org.tocsin.core.evidence.CaptureParser;
import org.tocsin.core.evidence.ParseResult;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.json.PostJsonlParser;
import org.tocsin.core.post.Post;

/** The parsers of every capture format this node reads, chosen by {@link Capture#platform()}. */
public final class CaptureParsers {
  private final Map<String, CaptureParser> byFormat = new HashMap<>();

  /**
   * Creates the set with the given parsers; a later parser for the same format replaces one before.
   */
  public CaptureParsers(List<CaptureParser> parsers) {
    for (CaptureParser p : parsers) {
      byFormat.put(Objects.requireNonNull(p.format(), "format"), p);
    }
  }

  /** The parsers every node has: Post JSONL lines and every crawler's platform format. */
  public static CaptureParsers standard() {
    List<CaptureParser> all = new java.util.ArrayList<>();
    all.add(new PostJsonlParser());
    all.addAll(org.tocsin.crawler.parse.CrawlerParsers.all());
    return new CaptureParsers(all);
  }

  /**
   * The upstream deletions a capture reports (Mastodon and Jetstream delete events, Reddit's
   * removed things); empty for formats that carry none.
   *
   * @throws PostFormatException if the body is malformed
   */
  public List<org.tocsin.crawler.parse.UpstreamDeletion> deletions(Capture capture)
      throws PostFormatException {
    CaptureParser p = byFormat.get(capture.platform());
    return p instanceof org.tocsin.crawler.parse.DeletionParser d
        ? d.deletions(capture)
        : List.of();
  }

  /** The parser of one capture format, if this set has it. */
  public java.util.Optional<CaptureParser> forFormat(String format) {
    return java.util.Optional.ofNullable(byFormat.get(format));
  }

  /**
   * Parses a capture with the parser for its format.
   *
   * @throws PostFormatException if no parser reads this format or the body is malformed
   */
  public List<Post> parse(Capture capture) throws PostFormatException {
    return parseResult(capture).posts();
  }

  /**
   * Parses a capture with the parser for its format, with a warning for each item skipped.
   *
   * @throws PostFormatException if no parser reads this format or the body is malformed
   */
  public ParseResult parseResult(Capture capture) throws PostFormatException {
    CaptureParser p = byFormat.get(capture.platform());
    if (p == null) {
      throw new PostFormatException(
          "no parser for capture format [got " + capture.platform() + "]");
    }
    return p.parseResult(capture);
  }
}
