package org.tocsin.core.json;

import java.util.List;
import org.tocsin.core.evidence.Capture;
import org.tocsin.core.evidence.CaptureParser;
import org.tocsin.core.post.Post;

/** Parses captures whose body is one Post JSON document (one line of an imported JSONL file). */
public final class PostJsonlParser implements CaptureParser {

  /** The capture format name of one Post JSON line. */
  public static final String FORMAT = "post-jsonl";

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public List<Post> parse(Capture capture) throws PostFormatException {
    return List.of(PostJson.read(capture.body()));
  }
}
