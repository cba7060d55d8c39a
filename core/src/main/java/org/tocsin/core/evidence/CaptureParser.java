package org.tocsin.core.evidence;

import java.util.List;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.post.Post;

/**
 * Turns the raw bytes of a capture into the posts it holds. Parsing always starts from the
 * preserved capture, so that a parser fix can re-parse history.
 *
 * <p>Exception contract: implementations are thread-safe and never throw anything but {@link
 * PostFormatException} for any body, however malformed or hostile.
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
}
