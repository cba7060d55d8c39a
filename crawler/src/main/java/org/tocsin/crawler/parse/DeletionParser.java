package org.tocsin.crawler.parse;

import java.util.List;
import org.tocsin.core.evidence.Capture;
import org.tocsin.core.evidence.CaptureParser;
import org.tocsin.core.json.PostFormatException;

/**
 * A parser whose format can also carry deletions (Mastodon streaming {@code delete} events,
 * Jetstream delete commits). {@link #parse} returns the posts; {@link #deletions} the deletions in
 * the same capture.
 *
 * <p>Exception contract: as {@link CaptureParser}, only {@link PostFormatException} is thrown.
 */
public interface DeletionParser extends CaptureParser {

  /**
   * The upstream deletions the capture reports; empty if none.
   *
   * @throws PostFormatException if the body is not in this parser's format
   */
  List<UpstreamDeletion> deletions(Capture capture) throws PostFormatException;
}
