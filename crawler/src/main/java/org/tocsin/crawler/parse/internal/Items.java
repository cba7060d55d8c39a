package org.tocsin.crawler.parse.internal;

import java.util.ArrayList;
import java.util.List;
import org.tocsin.core.evidence.ParseResult;
import org.tocsin.core.json.PostFormatException;
import org.tocsin.core.post.Post;

/**
 * Collects the posts of one capture item by item: an item that fails is skipped with a warning that
 * names it, and the other items are kept (one bad {@code created_utc} must not cost the other 99
 * posts of a page).
 */
public final class Items {

  /** The most warnings kept for one capture; the rest are counted in a last line. */
  public static final int MAX_WARNINGS = 100;

  /** One item's mapping, which may fail only with {@link PostFormatException}. */
  @FunctionalInterface
  public interface Item {
    /** Maps the item, adding its posts to {@code out}. */
    void map(List<Post> out) throws PostFormatException;
  }

  private final String format;
  private final List<Post> posts = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private int dropped;

  /** Creates an empty collection for a capture format. */
  public Items(String format) {
    this.format = format;
  }

  /** The posts kept so far (live view, for parsers that add posts directly). */
  public List<Post> posts() {
    return posts;
  }

  /**
   * Maps one item; if it fails (including a runtime failure of a library on hostile input), the
   * posts it made so far are dropped and a warning naming {@code where} is kept instead.
   */
  public void item(String where, Item item) {
    List<Post> out = new ArrayList<>();
    try {
      item.map(out);
      posts.addAll(out);
    } catch (PostFormatException e) {
      warn(where + ": skipped: " + e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      warn(
          where
              + ": skipped: "
              + format
              + ": malformed item [got "
              + PostBuilder.cut(e.toString(), 300)
              + "]");
    }
  }

  /** Records a warning about the capture. */
  public void warn(String message) {
    if (warnings.size() < MAX_WARNINGS) {
      warnings.add(message);
    } else {
      dropped++;
    }
  }

  /** The result: posts in capture order and the warnings. */
  public ParseResult result() {
    List<String> w = new ArrayList<>(warnings);
    if (dropped > 0) {
      w.add(format + ": " + dropped + " more warnings not shown");
    }
    return new ParseResult(posts, w);
  }
}
