package org.tocsin.core.evidence;

import java.util.List;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.post.Post;

/**
 * Turns the raw bytes of a capture into the posts it holds. Parsing always starts from the
 * preserved capture, so that a parser fix can re-parse history.
 *
 * <p>Exception contract: implementations are thread-safe and never throw anything but {@link
 * PostFormatException} for any body, however malformed or hostile. A body that is in the format but
 * holds some bad items is not an error: the bad items are skipped and named in {@link
 * #parseResult}'s warnings.
 */
public interface CaptureParser {

  /** The {@link Capture#platform()} value this parser reads. */
  String format();

  /**
   * Parses one capture.
   *
   * @throws PostFormatException if the body is not in this parser's format; the message says where
   */
  List<Post> parse(Capture capture) throws PostFormatException;

  /**
   * Parses one capture and reports the items that could not be read. A parser that reads several
   * items from one body skips a bad item with a warning and keeps the others; {@link #parse}
   * returns the same posts without the warnings. The default has no item-level warnings.
   *
   * @throws PostFormatException if the body as a whole is not in this parser's format
   */
  default ParseResult parseResult(Capture capture) throws PostFormatException {
    return ParseResult.of(parse(capture));
  }
}
